package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tributary.devstack.ServiceProcess;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilds every view on the running system while commands keep arriving and readers keep reading: no read fails
 * or misses a document during the switch, every rebuilt version equals a fresh fold, a rollback returns to the
 * previous version (also equal to the fold), no e-mail is sent again, and a rebuild killed half-way is resumed from
 * its checkpoint by the other instance.
 */
class ViewRebuildIT {

    private static final Duration REBUILD_TIMEOUT = Duration.ofSeconds(120);
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
    }

    @Test
    void everyViewIsRebuiltVerifiedAndRolledBackWhileTheSystemServes() throws Exception {
        List<String> emails = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = unique("rebuild") + "@example.com";
            emails.add(email);
            userIds.add(register("{\"name\":\"Grace Hopper " + i + "\",\"email\":\"" + email + "\"}"));
        }
        String productId = create("/api/v1/products", "{\"sku\":\"" + unique("SKU") + "\",\"name\":\"Loom\","
                + "\"description\":\"A table loom\",\"category\":\"tools\","
                + "\"price\":{\"amount\":\"99.00\",\"currency\":\"EUR\"},\"initialStock\":500}");
        List<String> orderIds = new ArrayList<>();
        for (String userId : userIds.subList(0, 5)) {
            orderIds.add(create("/api/v1/orders", "{\"userId\":\"" + userId + "\",\"lines\":[{\"productId\":\""
                    + productId + "\",\"quantity\":1}]}"));
        }
        awaitReadable("/api/v1/users/" + userIds.getLast());
        awaitReadable("/api/v1/orders/" + orderIds.getLast());
        // A welcome to each user and a confirmation of each order.
        long mailsBefore = awaitMailsSettled(emails, emails.size() + orderIds.size());

        Map<String, Integer> activeBefore = activeVersions();
        try (Traffic traffic = new Traffic(userIds, productId, orderIds)) {
            for (String view : activeBefore.keySet()) {
                Http.Response started = views().postJson("/actuator/views/" + view, "{\"action\":\"rebuild\"}");
                assertThat(started.status()).as(started.toString()).isEqualTo(200);
            }
            for (Map.Entry<String, Integer> view : activeBefore.entrySet()) {
                JsonNode switched = awaitSwitched(view.getKey(), view.getValue() + 1);
                assertThat(switched.get("previous").asInt()).isEqualTo(view.getValue());
            }
            traffic.keepGoingFor(Duration.ofSeconds(2));
            traffic.close();
            assertThat(traffic.failures).as("reads and writes during the rebuilds").isEmpty();
            assertThat(traffic.reads.get()).isPositive();
            assertThat(traffic.writes.get()).isPositive();
        }
        activeBefore.keySet().forEach(ViewRebuildIT::assertVerified);
        assertThat(views().get("/actuator/prometheus").body())
                .contains("tributary_view_rebuild_applied{view=\"users-mongo-view\"}")
                .contains("tributary_view_rebuild_eta_seconds{view=\"orders-search-index\"}");
        assertThat(mailsTo(emails)).as("mails to the first users, whose events every rebuild replayed")
                .isEqualTo(mailsBefore);

        for (Map.Entry<String, Integer> view : activeBefore.entrySet()) {
            Http.Response rolledBack = views().postJson("/actuator/views/" + view.getKey(), "{\"action\":\"rollback\"}");
            assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
            assertThat(rolledBack.json().get("active").asInt()).isEqualTo(view.getValue());
            assertThat(rolledBack.json().get("previous").asInt()).isEqualTo(view.getValue() + 1);
        }
        register("{\"name\":\"After Rollback\",\"email\":\"" + unique("after") + "@example.com\"}");
        activeBefore.keySet().forEach(ViewRebuildIT::assertVerified);
        assertThat(system.queries().get("/api/v1/users/" + userIds.getFirst()).status()).isEqualTo(200);
    }

    @Test
    void aSecondRebuildOfTheSameViewIsRefusedWhileTheFirstRuns() {
        ServiceProcess slow = system.startAnotherProjections("projections-slow", Map.of(
                "TRIBUTARY_VIEWS_REBUILD_CHUNK_SIZE", "1"));
        try {
            seedUsers(150);
            Http slowViews = system.asAdmin(slow);
            Http.Response first = slowViews.postJson("/actuator/views/users-search-index", "{\"action\":\"rebuild\"}");
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            Http.Response second = views().postJson("/actuator/views/users-search-index", "{\"action\":\"rebuild\"}");
            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            assertThat(second.json().get("detail").asText()).contains("is running");
            awaitSwitched("users-search-index", first.json().get("rebuild").get("version").asInt());
        } finally {
            slow.stop();
        }
    }

    @Test
    void aRebuildKilledHalfWayIsResumedFromItsCheckpointAndVerified() {
        seedUsers(300);
        ServiceProcess doomed = system.startAnotherProjections("projections-killed", Map.of(
                "TRIBUTARY_VIEWS_REBUILD_CHUNK_SIZE", "2",
                "TRIBUTARY_VIEWS_REBUILD_LEASE", "3s",
                // The partitions it consumed go back to the first instance once its session runs out.
                "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "6000"));
        int version;
        try {
            Http doomedViews = system.asAdmin(doomed);
            Http.Response started = doomedViews.postJson("/actuator/views/users-mongo-view", "{\"action\":\"rebuild\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(200);
            version = started.json().get("rebuild").get("version").asInt();
            JsonNode halfWay = await().atMost(REBUILD_TIMEOUT).pollInterval(Duration.ofMillis(20))
                    .until(() -> status("users-mongo-view"), state -> state.path("rebuild").path("done").asLong() > 50);
            assertThat(halfWay.get("rebuild").get("phase").asText()).isEqualTo("filling");
        } finally {
            doomed.kill();
        }
        JsonNode killed = status("users-mongo-view");
        assertThat(killed.get("active").asInt()).as("a half-built version is never switched in").isLessThan(version);
        long total = killed.get("rebuild").get("total").asLong();
        assertThat(killed.get("rebuild").get("done").asLong()).isLessThan(total);

        // The first instance takes the rebuild over once the killed one's lease has run out.
        JsonNode resumed = awaitSwitched("users-mongo-view", version);
        JsonNode last = resumed.get("lastRebuild");
        assertThat(last.get("version").asInt()).isEqualTo(version);
        assertThat(last.get("resumes").asInt()).isEqualTo(1);
        // Every event once: resumed from the checkpoint, not from the start (no command ran meanwhile).
        assertThat(last.get("events").asLong()).isEqualTo(total);
        assertVerified("users-mongo-view");

        String after = register("{\"name\":\"After The Crash\",\"email\":\"" + unique("crash")
                + "@example.com\"}");
        await().atMost(Duration.ofSeconds(90)).until(() -> system.queries().get("/api/v1/users/" + after).status() == 200);
    }

    private static void seedUsers(int count) {
        for (int i = 0; i < count; i++) {
            register("{\"name\":\"Seed " + i + "\",\"email\":\"" + unique("seed") + "@example.com\"}");
        }
    }

    private static JsonNode awaitSwitched(String view, int version) {
        return await().atMost(REBUILD_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = status(view);
            JsonNode rebuild = status.path("rebuild");
            assertThat(rebuild.path("phase").asText()).as(view + ": " + status).isNotEqualTo("failed");
            return status;
        }, status -> status.path("rebuild").isNull() && status.get("active").asInt() == version);
    }

    private static void assertVerified(String view) {
        Http.Response verified = views().postJson("/actuator/views/" + view, "{\"action\":\"verify\"}");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("consistent").asBoolean()).as(view + ": " + verified.body()).isTrue();
    }

    private static Map<String, Integer> activeVersions() {
        Map<String, Integer> active = new java.util.LinkedHashMap<>();
        for (JsonNode view : views().get("/actuator/views").json().get("views")) {
            active.put(view.get("name").asText(), view.get("active").asInt());
        }
        assertThat(active).hasSize(6);
        return active;
    }

    private static JsonNode status(String view) {
        Http.Response status = views().get("/actuator/views/" + view);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        return status.json();
    }

    private static Http views() {
        return system.projectionsAdmin();
    }

    private static void awaitReadable(String path) {
        await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get(path).status() == 200);
    }

    @Test
    void aDamagedDocumentIsRepairedFromItsOwnEventsAndOldVersionsArePruned() {
        String userId = register("{\"name\":\"Frances Allen\",\"email\":\"" + unique("frances")
                + "@example.com\"}");
        awaitReadable("/api/v1/users/" + userId);
        String collection = "users_v" + status("users-mongo-view").get("active").asInt();
        try (MongoClient client = MongoClients.create(system.stack.endpoints().mongoUri())) {
            MongoCollection<Document> users = client.getDatabase(databaseOf(system.stack.endpoints().mongoUri()))
                    .getCollection(collection);
            users.updateOne(Filters.eq("_id", userId), Updates.set("name", "Damaged"));

            Http.Response repaired = views().postJson("/actuator/views/users-mongo-view",
                    "{\"action\":\"repair\",\"id\":\"" + userId + "\"}");

            assertThat(repaired.status()).as(repaired.toString()).isEqualTo(200);
            assertThat(repaired.json().get("events").asLong()).isEqualTo(1);
            assertThat(users.find(Filters.eq("_id", userId)).first().getString("name")).isEqualTo("Frances Allen");
        }
        Http.Response notAUser = views().postJson("/actuator/views/users-mongo-view",
                "{\"action\":\"repair\",\"id\":\"" + UUID.randomUUID() + "\"}");
        assertThat(notAUser.status()).as(notAUser.toString()).isEqualTo(404);

        int before = status("products-mongo-view").get("active").asInt();
        awaitSwitched("products-mongo-view", startRebuild("products-mongo-view"));
        JsonNode twice = awaitSwitched("products-mongo-view", startRebuild("products-mongo-view"));
        assertThat(twice.get("versions").toString()).contains(String.valueOf(before));

        Http.Response pruned = views().postJson("/actuator/views/products-mongo-view", "{\"action\":\"prune\"}");

        assertThat(pruned.status()).as(pruned.toString()).isEqualTo(200);
        assertThat(pruned.json().get("dropped").toString()).contains(String.valueOf(before));
        JsonNode after = status("products-mongo-view");
        assertThat(after.get("versions")).hasSize(2);
        assertVerified("products-mongo-view");
    }

    /** @return the version being built */
    private static int startRebuild(String view) {
        Http.Response started = views().postJson("/actuator/views/" + view, "{\"action\":\"rebuild\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json().get("rebuild").get("version").asInt();
    }

    private static String databaseOf(String mongoUri) {
        String path = mongoUri.substring(mongoUri.indexOf('/', "mongodb://".length()) + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Waits until these addresses got at least the expected mails and no further mail arrived for two seconds. */
    private static long awaitMailsSettled(List<String> emails, long expected) {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long now = mailsTo(emails);
            boolean settled = now == last[0] && now >= expected;
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    /** Messages the SMTP server received for these addresses (its log has a {@code To:} line per message). */
    private static long mailsTo(List<String> emails) {
        Path mailLog = system.stack.logDirectory().resolve("mail.log");
        try {
            return Files.readAllLines(mailLog).stream()
                    .filter(line -> line.startsWith("To: "))
                    .filter(line -> emails.stream().anyMatch(email -> line.endsWith("<" + email + ">")))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String register(String json) {
        return idOf(system.register(json));
    }

    private static String create(String path, String json) {
        return idOf(system.commands().postJson(path, json));
    }

    private static String idOf(Http.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /**
     * Writers and readers running until closed: a new user and a profile change every few milliseconds, and reads
     * of the known users, orders and a search. Any answer but the expected one is a failure.
     */
    private static final class Traffic implements AutoCloseable {

        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Traffic(List<String> userIds, String productId, List<String> orderIds) {
            threads.add(Thread.ofPlatform().name("rebuild-writer").start(() -> {
                while (running.get()) {
                    Http.Response created = system.register(
                            "{\"name\":\"Live Writer\",\"email\":\"" + unique("live") + "@example.com\"}");
                    expect(created, 201, "register");
                    Http.Response changed = system.commands().patchJson("/api/v1/users/"
                            + userIds.get(writes.get() % userIds.size()), "{\"age\":" + (20 + writes.get() % 50) + "}");
                    expect(changed, 200, "change profile");
                    writes.incrementAndGet();
                }
            }));
            threads.add(Thread.ofPlatform().name("rebuild-reader").start(() -> {
                while (running.get()) {
                    String userId = userIds.get(reads.get() % userIds.size());
                    expect(system.queries().get("/api/v1/users/" + userId), 200, "read user " + userId);
                    String orderId = orderIds.get(reads.get() % orderIds.size());
                    expect(system.queries().get("/api/v1/orders/" + orderId), 200, "read order " + orderId);
                    expect(system.queries().get("/api/v1/products/" + productId), 200, "read product");
                    Http.Response search = system.queries().get("/api/v1/users?q=hopper&limit=50");
                    expect(search, 200, "search users");
                    if (search.status() == 200 && search.json().path("items").size() < userIds.size()) {
                        failures.add("search found " + search.json().path("items").size() + " of " + userIds.size()
                                + ": " + search.body());
                    }
                    reads.incrementAndGet();
                }
            }));
        }

        private void expect(Http.Response response, int status, String what) {
            if (response.status() != status) {
                failures.add(what + ": " + response);
            }
        }

        void keepGoingFor(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
