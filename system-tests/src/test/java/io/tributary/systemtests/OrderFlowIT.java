package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.events.ConsistencyToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shopper's journey across the three running services: a product and a user are created, one order is confirmed
 * by the stock-reservation saga and one rejected, and every read model (order, product stock, the user's order
 * list, search, suggestions, export) shows it.
 */
class OrderFlowIT {

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
    }

    @Test
    void ordersAreConfirmedOrRejectedAndEveryViewShowsIt() {
        String word = "quern" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response product = create("/api/v1/products", "{\"sku\":\"" + word.toUpperCase() + "\",\"name\":\"Stone "
                + word + "\",\"description\":\"Grinds grain by hand\",\"category\":\"kitchen\","
                + "\"price\":{\"amount\":\"80.00\",\"currency\":\"EUR\"},\"initialStock\":5}");
        String productId = product.json().get("id").asText();
        String userId = created(system.register("{\"name\":\"Hedy Lamarr\",\"email\":\"hedy-"
                + UUID.randomUUID() + "@example.com\"}")).json().get("id").asText();

        Http.Response placed = create("/api/v1/orders", "{\"userId\":\"" + userId + "\",\"lines\":[{\"productId\":\""
                + productId + "\",\"quantity\":2}]}");
        String orderId = placed.json().get("id").asText();
        String orderToken = placed.header(ConsistencyToken.HEADER).orElseThrow();

        Http.Response pending = system.queries().get("/api/v1/orders/" + orderId, ConsistencyToken.HEADER, orderToken);
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.json().get("userId").asText()).isEqualTo(userId);
        assertThat(pending.json().get("total").get("amount").asText()).isEqualTo("160.00");

        JsonNode confirmed = awaitOrder(orderId, "CONFIRMED");
        assertThat(statuses(confirmed)).containsExactly("PENDING", "CONFIRMED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stock = system.queries().get("/api/v1/products/" + productId).json();
            assertThat(stock.get("available").asInt()).isEqualTo(3);
            assertThat(stock.get("reserved").asInt()).isEqualTo(2);
        });

        String rejectedId = create("/api/v1/orders", "{\"userId\":\"" + userId + "\",\"lines\":[{\"productId\":\""
                + productId + "\",\"quantity\":50}]}").json().get("id").asText();
        JsonNode rejected = awaitOrder(rejectedId, "REJECTED");
        assertThat(rejected.get("rejectionReason").asText()).isNotBlank();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = system.queries().get("/api/v1/users/" + userId + "/orders").json();
            assertThat(ids(list.get("items"))).containsExactly(rejectedId, orderId); // newest first
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode search = system.queries().get("/api/v1/products?q=" + word).json();
            assertThat(ids(search.get("items"))).containsExactly(productId);
            JsonNode suggestions = system.queries().get("/api/v1/products/suggest?prefix=" + word.substring(0, 7)).json();
            assertThat(suggestions.toString()).contains(productId);
            JsonNode orders = system.queries().get("/api/v1/orders?userId=" + userId + "&status=CONFIRMED").json();
            assertThat(ids(orders.get("items"))).containsExactly(orderId);
        });

        Http.Response export = system.queries().get("/api/v1/export/orders?userId="
                + URLEncoder.encode(userId, StandardCharsets.UTF_8));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(export.body().lines().toList()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{"));
    }

    private static JsonNode awaitOrder(String orderId, String status) {
        JsonNode[] order = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response read = system.queries().get("/api/v1/orders/" + orderId);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            order[0] = read.json();
            assertThat(order[0].get("status").asText()).isEqualTo(status);
        });
        return order[0];
    }

    private static List<String> statuses(JsonNode order) {
        List<String> statuses = new ArrayList<>();
        order.get("statusHistory").forEach(change -> statuses.add(change.get("status").asText()));
        return statuses;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Http.Response create(String path, String json) {
        return created(system.commands().postJson(path, json));
    }

    private static Http.Response created(Http.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer;
    }
}
