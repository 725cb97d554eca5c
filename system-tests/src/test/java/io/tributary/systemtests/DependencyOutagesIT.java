package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.devstack.Server;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One store at a time goes down under the whole running system and comes back on the same port with its data:
 * meanwhile only what needs that store answers 503 store-unavailable with Retry-After, everything else works; once
 * it is back, what was accepted meanwhile reaches the views, and every view equals a fold of the event store.
 */
class DependencyOutagesIT {

    private static final String STORE_UNAVAILABLE = "urn:tributary:problem:store-unavailable";
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
    }

    @Test
    void postgresDownRefusesCommandsWhileReadsGoOn() {
        assumeTrue(system.stack.runsLocally(Server.POSTGRES), "needs a PostgreSQL the test stack can restart");
        String before = registered("before-pg");
        awaitReadable("/api/v1/users/" + before);

        system.stack.stopPostgres();
        try {
            assertStoreUnavailable(system.register(user("during-pg")));
            assertThat(system.queries().get("/api/v1/users/" + before).status()).as("reads need no event store").isEqualTo(200);
        } finally {
            system.stack.startPostgres();
        }

        // The breaker lets commands through again once the database answers.
        String after = await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() -> {
            Http.Response registered = system.register(user("after-pg"));
            return registered.status() == 201 ? registered.json().get("id").asText() : null;
        }, id -> id != null);
        awaitReadable("/api/v1/users/" + after);
        awaitViewsConsistent();
    }

    @Test
    void elasticsearchDownRefusesSearchesOnly() {
        assumeTrue(system.stack.runsLocally(Server.ELASTICSEARCH), "needs an Elasticsearch the test stack can restart");
        String word = "outage" + UUID.randomUUID().toString().substring(0, 8);
        String product = addProduct(word);
        await().atMost(RECOVERY).until(() -> system.queries().get("/api/v1/products?q=" + word).body().contains(product));

        system.stack.stopElasticsearch();
        String during;
        try {
            // A search not asked before: an answer the query API cached would not need Elasticsearch.
            assertStoreUnavailable(system.queries().get("/api/v1/products?q=lantern+" + word));
            assertThat(system.queries().get("/api/v1/products/" + product).status()).as("by id, from MongoDB").isEqualTo(200);
            during = registered("during-es");
            awaitReadable("/api/v1/users/" + during);
        } finally {
            system.stack.startElasticsearch();
        }

        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() ->
                system.queries().get("/api/v1/products?q=" + word).body().contains(product));
        awaitViewsConsistent();
    }

    @Test
    void mongoDownRefusesReadsByIdWhileCommandsGoOn() {
        assumeTrue(system.stack.runsLocally(Server.MONGO), "needs a Mongo-protocol server the test stack can restart");
        String before = registered("before-mongo");
        awaitReadable("/api/v1/users/" + before);

        system.stack.stopMongo();
        String during;
        try {
            // A user not read before: one the query API cached would not need MongoDB.
            assertStoreUnavailable(system.queries().get("/api/v1/users/" + UUID.randomUUID()));
            during = registered("during-mongo");
        } finally {
            system.stack.startMongo();
        }

        awaitReadable("/api/v1/users/" + during);
        awaitViewsConsistent();
    }

    private static void assertStoreUnavailable(Http.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.header("Retry-After")).isPresent();
        assertThat(answer.json().get("type").asText()).isEqualTo(STORE_UNAVAILABLE);
    }

    private static String registered(String prefix) {
        Http.Response registered = system.register(user(prefix));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("id").asText();
    }

    private static String user(String prefix) {
        return "{\"name\":\"Edsger Dijkstra\",\"email\":\"" + prefix + "-" + UUID.randomUUID() + "@example.com\"}";
    }

    private static String addProduct(String word) {
        Http.Response added = system.commands().postJson("/api/v1/products", """
                {"sku":"OUT-%s","name":"Storm %s","description":"A lantern that outlasts outages","category":"outdoor",
                 "price":{"amount":"45.00","currency":"EUR"},"initialStock":3}""".formatted(UUID.randomUUID(), word));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().get("id").asText();
    }

    private static void awaitReadable(String path) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() -> system.queries().get(path).status() == 200);
    }

    /** The view check folds the event store afresh and compares every view with the fold. */
    private static void awaitViewsConsistent() {
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode report = system.projectionsAdmin().post("/actuator/viewcheck").json();
            assertThat(report.get("consistent").asBoolean()).as(report.toPrettyString()).isTrue();
        });
    }
}
