package io.tributary.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Mongo-protocol server survives a crash as MongoDB does (no write it acknowledged is lost) and finds documents
 * through a secondary index as MongoDB finds them.
 */
class MongoProtocolServerTest {

    private static final int WRITES = 200;

    /** Killed right after a stream of single writes, as the chaos run kills it while the projections write. */
    @Test
    void aKilledServerRestartsWithEveryAcknowledgedWrite() {
        try (LocalStack stack = LocalStack.start(StackConfig.forTests(EnumSet.of(Server.MONGO)))) {
            try (MongoClient client = MongoClients.create(stack.endpoints().mongoUri())) {
                MongoCollection<Document> views = client.getDatabase("tributary").getCollection("acknowledged");
                for (int i = 0; i < WRITES; i++) {
                    views.insertOne(new Document("_id", "d" + i).append("version", 1));
                    views.updateOne(new Document("_id", "d" + i), new Document("$set", new Document("version", 2)));
                }
            }
            stack.kill(Server.MONGO);
            stack.restart(Server.MONGO);
            try (MongoClient client = MongoClients.create(stack.endpoints().mongoUri())) {
                MongoCollection<Document> views = client.getDatabase("tributary").getCollection("acknowledged");
                assertThat(views.countDocuments(new Document("version", 2))).isEqualTo(WRITES);
            }
        }
    }

    /**
     * The local server's secondary index: a filter on its first key finds exactly what a scan finds, in the asked
     * order, after inserts, updates that move a document to another key, deletes, and a restart (which refills it).
     */
    @Test
    void aSecondaryIndexFindsWhatAScanFindsThroughChangesAndRestarts() {
        try (LocalStack stack = LocalStack.start(StackConfig.forTests(EnumSet.of(Server.MONGO)))) {
            try (MongoClient client = MongoClients.create(stack.endpoints().mongoUri())) {
                MongoCollection<Document> orders = client.getDatabase("tributary").getCollection("indexed");
                orders.createIndex(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("placedAt")));
                for (int i = 0; i < 30; i++) {
                    orders.insertOne(new Document("_id", "o" + i).append("userId", "u" + i % 3).append("placedAt", i)
                            .append("status", i % 2 == 0 ? "PLACED" : "SHIPPED"));
                }
                orders.insertOne(new Document("_id", "tagged").append("userId", List.of("u1", "u2")).append("placedAt", 99));
                orders.updateOne(Filters.eq("_id", "o0"), Updates.set("userId", "u1"));
                orders.deleteOne(Filters.eq("_id", "o4"));
                assertFound(orders);
            }
            stack.stopMongo();
            stack.startMongo();
            try (MongoClient client = MongoClients.create(stack.endpoints().mongoUri())) {
                assertFound(client.getDatabase("tributary").getCollection("indexed"));
            }
        }
    }

    private static void assertFound(MongoCollection<Document> orders) {
        assertThat(ids(orders.find(Filters.eq("userId", "u1")).sort(Sorts.descending("placedAt"))))
                .containsExactly("tagged", "o28", "o25", "o22", "o19", "o16", "o13", "o10", "o7", "o1", "o0");
        assertThat(ids(orders.find(Filters.and(Filters.eq("userId", "u1"), Filters.eq("status", "SHIPPED"),
                Filters.lt("placedAt", 20))).sort(Sorts.descending("placedAt"))))
                .containsExactly("o19", "o13", "o7", "o1");
        assertThat(ids(orders.find(Filters.eq("userId", "u0")))).doesNotContain("o0").hasSize(9);
        assertThat(ids(orders.find(Filters.eq("userId", "u2")))).contains("tagged").hasSize(11);
        assertThat(ids(orders.find(Filters.eq("userId", "nobody")))).isEmpty();
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
