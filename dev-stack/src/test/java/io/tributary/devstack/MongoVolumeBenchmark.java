package io.tributary.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local Mongo-protocol server under volume, as the views load it: a million user documents written in bulks of
 * version-guarded upserts (the projections' write), each written twice (created, then changed), while another
 * client counts and scans the whole collection meanwhile (the long reads under which H2's store once reported "Chunk
 * not found"); the server killed with SIGKILL half-way and started again on the same file; then every document
 * counted and a sample read back. Minutes long, so not part of the test run (its name does not end in Test):
 * {@code ./mvnw -B -pl dev-stack test -Dtest=MongoVolumeBenchmark [-Dvolume.documents=1000000]}. Prints its figures.
 */
class MongoVolumeBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("volume.documents", 1_000_000);
    private static final int BULK = 1_000;

    @Test
    void aMillionDocumentsGoInSurviveAKillAndReadBack() throws InterruptedException {
        try (LocalStack stack = LocalStack.start(StackConfig.forTests(EnumSet.of(Server.MONGO)))) {
            String uri = stack.endpoints().mongoUri();
            long started = System.nanoTime();
            write(uri, 0, DOCUMENTS / 2);
            report("first half written", DOCUMENTS / 2, started);

            stack.kill(Server.MONGO);
            long restarting = System.nanoTime();
            stack.restart(Server.MONGO);
            System.out.printf(Locale.ROOT, "killed (SIGKILL) and started again on the same file in %.1f s%n",
                    (System.nanoTime() - restarting) / 1e9);
            try (MongoClient client = MongoClients.create(uri)) {
                assertThat(users(client).countDocuments()).as("acknowledged before the kill").isEqualTo(DOCUMENTS / 2);
            }

            long second = System.nanoTime();
            write(uri, DOCUMENTS / 2, DOCUMENTS);
            report("second half written", DOCUMENTS - DOCUMENTS / 2, second);
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> users = users(client);
                assertThat(users.countDocuments()).isEqualTo(DOCUMENTS);
                assertThat(users.countDocuments(Filters.eq("version", 2))).as("every document at its second version")
                        .isEqualTo(DOCUMENTS);
                for (int i = 0; i < DOCUMENTS; i += DOCUMENTS / 100) {
                    Document user = users.find(Filters.eq("_id", id(i))).first();
                    assertThat(user).as(id(i)).isNotNull();
                    assertThat(user.getString("email")).isEqualTo("user-" + i + "@example.com");
                }
            }
            report("in all, with the checks", DOCUMENTS, started);
        }
    }

    /** Documents {@code from} to {@code to}, each created, then changed, by guarded bulk upserts, while a reader scans. */
    private static void write(String uri, int from, int to) throws InterruptedException {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong scans = new AtomicLong();
        Thread reader = Thread.ofPlatform().name("whole-collection-reader").start(() -> {
            try (MongoClient client = MongoClients.create(uri)) {
                while (writing.get()) {
                    users(client).countDocuments(Filters.gte("version", 1));
                    scans.incrementAndGet();
                }
            }
        });
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> users = users(client);
            for (int start = from; start < to; start += BULK) {
                int end = Math.min(start + BULK, to);
                users.bulkWrite(versions(start, end, 1), new BulkWriteOptions().ordered(false));
                users.bulkWrite(versions(start, end, 2), new BulkWriteOptions().ordered(false));
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        System.out.printf(Locale.ROOT, "  %,d whole-collection counts ran beside the writes%n", scans.get());
    }

    /** The projections' guarded write: replace the document if it is older than this version, insert it if absent. */
    private static List<WriteModel<Document>> versions(int from, int to, int version) {
        List<WriteModel<Document>> writes = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Document user = new Document("_id", id(i)).append("name", "User " + i).append("email", "user-" + i + "@example.com")
                    .append("status", version == 1 ? "ACTIVE" : "CHANGED").append("version", version);
            writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", id(i)), Filters.lt("version", version)), user,
                    new ReplaceOptions().upsert(version == 1)));
        }
        return writes;
    }

    private static MongoCollection<Document> users(MongoClient client) {
        return client.getDatabase("tributary").getCollection("volume_users");
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "user-%08d", i);
    }

    private static void report(String what, long documents, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %,d documents in %.1f s (%,.0f documents/s, two guarded writes each)%n",
                what, documents, seconds, documents / seconds);
    }
}
