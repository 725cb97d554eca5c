package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The view check folds the event store written by the running command API and finds every view equal to it once
 * the projections caught up; a document changed behind the projections' back is reported.
 */
class ViewConsistencyIT {

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
    }

    @Test
    void everyViewEqualsTheFoldOfTheEventStoreAndTamperingIsReported() {
        String userId = register("{\"name\":\"Barbara Liskov\",\"email\":\"" + unique("barbara")
                + "@example.com\"}");
        patch(userId);
        String productId = create("/api/v1/products", "{\"sku\":\"" + unique("SKU") + "\",\"name\":\"Spindle\","
                + "\"description\":\"A drop spindle\",\"category\":\"tools\","
                + "\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"initialStock\":5}");
        command("/api/v1/products/" + productId + "/price", "{\"amount\":\"13.00\",\"currency\":\"EUR\"}");
        String orderId = create("/api/v1/orders", "{\"userId\":\"" + userId + "\",\"lines\":[{\"productId\":\""
                + productId + "\",\"quantity\":2}]}");
        create("/api/v1/orders", "{\"userId\":\"" + userId + "\",\"lines\":[{\"productId\":\"" + productId
                + "\",\"quantity\":50}]}"); // more than in stock: rejected by the saga
        command("/api/v1/orders/" + orderId + "/cancel", "{}");

        JsonNode consistent = awaitConsistentCheck();
        assertThat(consistent.get("events").asLong()).isGreaterThanOrEqualTo(7);

        try (MongoClient client = MongoClients.create(system.stack.endpoints().mongoUri())) {
            MongoCollection<Document> users = client.getDatabase(databaseOf(system.stack.endpoints().mongoUri()))
                    .getCollection("users_v1");
            Document original = users.find(Filters.eq("_id", userId)).first();
            assertThat(original).isNotNull();
            users.updateOne(Filters.eq("_id", userId), Updates.set("name", "Tampered"));
            try {
                JsonNode report = check();
                assertThat(report.get("consistent").asBoolean()).isFalse();
                JsonNode usersInMongo = viewResult(report, "users", "mongodb");
                assertThat(usersInMongo.get("different").asLong()).isEqualTo(1);
                assertThat(usersInMongo.get("examples").toString()).contains(userId, "Tampered");
            } finally {
                users.replaceOne(Filters.eq("_id", userId), original);
            }
        }
        assertThat(check().get("consistent").asBoolean()).isTrue();
    }

    private static JsonNode awaitConsistentCheck() {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    last[0] = check();
                    assertThat(last[0].get("consistent").asBoolean()).as(last[0].toPrettyString()).isTrue();
                });
        return last[0];
    }

    private static JsonNode check() {
        Http.Response response = system.projectionsAdmin().post("/actuator/viewcheck");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode viewResult(JsonNode report, String view, String store) {
        for (JsonNode result : report.get("views")) {
            if (result.get("view").asText().equals(view) && result.get("store").asText().equals(store)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + view + " in " + store + ": " + report);
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

    private static void command(String path, String json) {
        Http.Response answer = system.commands().postJson(path, json);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static void patch(String userId) {
        Http.Response answer = system.commands().patchJson("/api/v1/users/" + userId, "{\"age\":40}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static String databaseOf(String mongoUri) {
        String path = mongoUri.substring(mongoUri.indexOf('/', "mongodb://".length()) + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
