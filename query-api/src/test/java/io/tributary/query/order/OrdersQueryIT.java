package io.tributary.query.order;

import io.tributary.query.support.QueryApiIT;
import io.tributary.query.support.ViewFixtures;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.tributary.query.support.ViewFixtures.order;
import static io.tributary.query.support.ViewFixtures.orderSearchDocument;
import static org.assertj.core.api.Assertions.assertThat;

/** Orders by id, a user's orders with cursor paging, order search and read-your-writes, on the real stores. */
@SuppressWarnings({"rawtypes", "unchecked"})
class OrdersQueryIT extends QueryApiIT {

    private static final String USER = UUID.randomUUID().toString();
    private static final String PRODUCT = UUID.randomUUID().toString();
    private static final Instant BASE = Instant.parse("2026-10-01T08:00:00Z");
    /** The user's orders newest first, ties on placedAt broken by id, as the API must list them. */
    private static final List<Document> ORDERS = new ArrayList<>();

    @BeforeEach
    void seed() {
        if (!ORDERS.isEmpty()) {
            return;
        }
        ViewFixtures views = views(mongo).register("orders").createIndex("orders");
        for (int i = 0; i < 25; i++) {
            // Five orders share one instant, so paging must break ties by id.
            Instant placedAt = i < 20 ? BASE.plus(Duration.ofMinutes(i)) : BASE.plus(Duration.ofMinutes(30));
            ORDERS.add(order(UUID.randomUUID().toString(), USER, i % 2 == 0 ? "CONFIRMED" : "SHIPPED", placedAt, 2, PRODUCT));
        }
        ORDERS.sort(Comparator.comparing((Document order) -> order.getDate("placedAt"))
                .thenComparing(order -> order.getString("_id")).reversed());
        for (Document order : ORDERS) {
            views.store("orders", order);
            views.index("orders", order.getString("_id"), 2, orderSearchDocument(order), false);
        }
        views.refresh("orders");
    }

    @Test
    void anOrderByIdHasItsLinesTotalHistoryAndVersionAsETag() {
        Document order = ORDERS.getFirst();
        ResponseEntity<Map> answer = getAs(ADMIN, "/api/v1/orders/" + order.getString("_id"));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("userId", USER).containsEntry("version", 2)
                .containsEntry("total", Map.of("amount", "25.00", "currency", "EUR"));
        assertThat((List<Map<String, Object>>) answer.getBody().get("lines")).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("productId", PRODUCT).containsEntry("quantity", 2)
                        .containsEntry("unitPrice", Map.of("amount", "12.50", "currency", "EUR")));
        assertThat((List<Map<String, Object>>) answer.getBody().get("statusHistory")).hasSize(2);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(getAs(ADMIN, "/api/v1/orders/" + order.getString("_id"), "If-None-Match", "\"2\"").getStatusCode().value()).isEqualTo(304);
        assertThat(getAs(ADMIN, "/api/v1/orders/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
        assertThat(parameterOf(httpAs(ADMIN).getForEntity("/api/v1/orders/{id}", Map.class, "{\"$gt\":\"\"}"))).isEqualTo("id");
    }

    @Test
    void aUsersOrdersArePagedNewestFirstAndStableUnderConcurrentInserts() {
        String path = "/api/v1/users/" + USER + "/orders?limit=10";
        ResponseEntity<Map> first = getAs(ADMIN, path);
        assertThat(ids(first)).containsExactlyElementsOf(idsOf(ORDERS.subList(0, 10)));

        // Orders placed while the client pages are newer than its cursor: they shift nothing that follows.
        for (int i = 0; i < 3; i++) {
            views(mongo).store("orders", order(UUID.randomUUID().toString(), USER, "PENDING", Instant.now(), 1, PRODUCT));
        }
        ResponseEntity<Map> second = getAs(ADMIN, path + "&cursor=" + first.getBody().get("nextCursor"));
        ResponseEntity<Map> third = getAs(ADMIN, path + "&cursor=" + second.getBody().get("nextCursor"));

        assertThat(ids(second)).containsExactlyElementsOf(idsOf(ORDERS.subList(10, 20)));
        assertThat(ids(third)).containsExactlyElementsOf(idsOf(ORDERS.subList(20, 25)));
        assertThat(third.getBody()).doesNotContainKey("nextCursor");
    }

    @Test
    void aUsersOrdersFilterByStatusAndDefaultToTwenty() {
        assertThat(ids(getAs(ADMIN, "/api/v1/users/" + USER + "/orders?status=shipped")))
                .containsExactlyElementsOf(idsOf(ORDERS.stream().filter(o -> o.getString("status").equals("SHIPPED")).toList()));
        assertThat(ids(getAs(ADMIN, "/api/v1/users/" + USER + "/orders"))).hasSize(20);
        assertThat(ids(getAs(ADMIN, "/api/v1/users/" + UUID.randomUUID() + "/orders"))).isEmpty();
    }

    @Test
    void listsHaveAWeakETagAndAnswer304WhileUnchanged() {
        String path = "/api/v1/users/" + USER + "/orders?status=SHIPPED";
        String etag = getAs(ADMIN, path).getHeaders().getETag();
        assertThat(etag).startsWith("W/\"");
        assertThat(getAs(ADMIN, path, "If-None-Match", etag).getStatusCode().value()).isEqualTo(304);
    }

    @Test
    void orderSearchFiltersByUserStatusAndPeriodAndPagesWithCursors() {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            ResponseEntity<Map> page = getAs(ADMIN, "/api/v1/orders?userId=" + USER + "&limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.getBody()).containsEntry("total", 25);
            walked.addAll(ids(page));
            cursor = (String) page.getBody().get("nextCursor");
        } while (cursor != null && walked.size() < 100);
        assertThat(walked).containsExactlyElementsOf(idsOf(ORDERS));

        assertThat(ids(getAs(ADMIN, "/api/v1/orders?userId=" + USER + "&status=CONFIRMED&limit=100")))
                .containsExactlyElementsOf(idsOf(ORDERS.stream().filter(o -> o.getString("status").equals("CONFIRMED")).toList()));
        assertThat(ids(getAs(ADMIN, "/api/v1/orders?userId=" + USER + "&from=" + BASE.plus(Duration.ofMinutes(5)) + "&to=" + BASE.plus(Duration.ofMinutes(10)))))
                .hasSize(5);
    }

    @Test
    void badParametersAreNamed() {
        String list = "/api/v1/users/" + USER + "/orders";
        assertThat(parameterOf(getAs(ADMIN, list + "?cursor=abc"))).isEqualTo("cursor");
        assertThat(parameterOf(getAs(ADMIN, list + "?cursor=" + base64("[{\"$gt\":0},\"x\"]")))).isEqualTo("cursor");
        assertThat(parameterOf(getAs(ADMIN, list + "?cursor=" + base64("[1,{\"$ne\":null}]")))).isEqualTo("cursor");
        assertThat(parameterOf(httpAs(ADMIN).getForEntity(list + "?status={s}", Map.class, "{\"$ne\":null}"))).isEqualTo("status");
        assertThat(parameterOf(getAs(ADMIN, list + "?limit=0"))).isEqualTo("limit");
        assertThat(parameterOf(httpAs(ADMIN).getForEntity("/api/v1/users/{id}/orders", Map.class, "{\"$ne\":1}"))).isEqualTo("userId");

        assertThat(parameterOf(getAs(ADMIN, "/api/v1/orders?from=yesterday"))).isEqualTo("from");
        assertThat(parameterOf(httpAs(ADMIN).getForEntity("/api/v1/orders?from={f}", Map.class, "+999999999-12-31T23:59:59Z"))).isEqualTo("from");
        assertThat(parameterOf(askForExport(httpAs(ADMIN), "?to={t}", "+999999999-12-31T23:59:59Z"))).isEqualTo("to");
        assertThat(parameterOf(getAs(ADMIN, "/api/v1/orders?from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z"))).isEqualTo("to");
        assertThat(parameterOf(httpAs(ADMIN).getForEntity("/api/v1/orders?userId={u}", Map.class, "{\"$ne\":1}"))).isEqualTo("userId");
        assertThat(parameterOf(getAs(ADMIN, "/api/v1/orders?status=LOST"))).isEqualTo("status");
        assertThat(parameterOf(getAs(ADMIN, "/api/v1/orders?cursor=" + base64("[\"x\",\"y\"]")))).isEqualTo("cursor");
    }

    @Test
    void aConsistencyTokenWaitsUntilTheOrderViewHasTheVersion() {
        String id = UUID.randomUUID().toString();
        views(mongo).store("orders", order(id, USER, "PENDING", Instant.now(), 1, PRODUCT));
        CompletableFuture.runAsync(() -> views(mongo).store("orders", order(id, USER, "CONFIRMED", Instant.now(), 2, PRODUCT)),
                CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS));

        ResponseEntity<Map> answer = getAs(ADMIN, "/api/v1/orders/" + id, "Consistency-Token", "order:" + id + ":2");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("version", 2).containsEntry("status", "CONFIRMED");
    }

    @Test
    void aUsersListWaitsForTheOrderOfAToken() {
        String user = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        CompletableFuture.runAsync(() -> views(mongo).store("orders", order(id, user, "PENDING", Instant.now(), 1, PRODUCT)),
                CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS));

        ResponseEntity<Map> answer = getAs(ADMIN, "/api/v1/users/" + user + "/orders", "Consistency-Token", "order:" + id + ":1");

        assertThat(ids(answer)).containsExactly(id);
    }

    @Test
    void aViewThatDoesNotCatchUpIs503WithRetryAfter() {
        String id = ORDERS.getLast().getString("_id");
        long started = System.nanoTime();
        ResponseEntity<Map> answer = getAs(ADMIN, "/api/v1/orders/" + id, "Consistency-Token", "order:" + id + ":9");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody()).containsEntry("type", "urn:tributary:problem:view-not-ready");
        assertThat(waited).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(6));
    }

    private static List<String> idsOf(List<Document> orders) {
        return orders.stream().map(order -> order.getString("_id")).toList();
    }
}
