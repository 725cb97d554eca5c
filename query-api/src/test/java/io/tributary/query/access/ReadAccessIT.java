package io.tributary.query.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.query.support.QueryApiIT;
import io.tributary.query.support.ViewFixtures;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tributary.query.support.ViewFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads what, over HTTP with tokens of the test issuer, on the real stores: product reads are open, user and
 * order reads need a token, a customer reads only their own user and its orders and finds anyone else's exactly
 * as an unknown id, and searches and exports are an admin's.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class ReadAccessIT extends QueryApiIT {

    private static final String PRODUCT = UUID.randomUUID().toString();
    private static final String ALICE = "kc-alice-" + UUID.randomUUID();
    private static final String BOB = "kc-bob-" + UUID.randomUUID();
    private static final String ALICES_USER = UUID.randomUUID().toString();
    private static final String BOBS_USER = UUID.randomUUID().toString();
    /** Registered without a token: nobody's, an admin's alone. */
    private static final String NOBODYS_USER = UUID.randomUUID().toString();
    private static final String ALICES_ORDER = UUID.randomUUID().toString();
    private static final String ALICES_OTHER_ORDER = UUID.randomUUID().toString();
    private static final String BOBS_ORDER = UUID.randomUUID().toString();
    private static boolean seeded;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        ViewFixtures views = views(mongo).register("users").register("orders");
        views.store("users", user(ALICES_USER, "Alice Ball", ALICE));
        views.store("users", user(BOBS_USER, "Bob Kahn", BOB));
        views.store("users", user(NOBODYS_USER, "Nobody", null));
        Instant placed = Instant.parse("2026-11-02T09:00:00Z");
        views.store("orders", order(ALICES_ORDER, ALICES_USER, "CONFIRMED", placed, 2, PRODUCT));
        views.store("orders", order(ALICES_OTHER_ORDER, ALICES_USER, "PENDING", placed.plusSeconds(60), 1, PRODUCT));
        views.store("orders", order(BOBS_ORDER, BOBS_USER, "PENDING", placed, 1, PRODUCT));
        seeded = true;
    }

    @Test
    void userAndOrderReadsWithoutATokenAreAskedForOne() {
        for (String path : List.of("/api/v1/users/" + ALICES_USER, "/api/v1/users/" + ALICES_USER + "/orders",
                "/api/v1/orders/" + ALICES_ORDER)) {
            ResponseEntity<Map> answer = get(path);

            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(401);
            assertThat(answer.getHeaders().getContentType()).as(path).hasToString("application/problem+json");
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Bearer");
            assertThat(answer.getBody()).as(path).containsEntry("type", "urn:tributary:problem:unauthorized")
                    .containsEntry("status", 401);
        }
        assertThat(getAs(ISSUER.expiredToken(ALICE, "customer"), "/api/v1/users/" + ALICES_USER).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void aCustomerReadsTheirOwnUserAndItsOrders() {
        String alice = customer(ALICE);

        ResponseEntity<Map> user = getAs(alice, "/api/v1/users/" + ALICES_USER);
        ResponseEntity<Map> orders = getAs(alice, "/api/v1/users/" + ALICES_USER + "/orders");
        ResponseEntity<Map> order = getAs(alice, "/api/v1/orders/" + ALICES_ORDER);

        assertThat(user.getStatusCode().value()).isEqualTo(200);
        assertThat(user.getBody()).containsEntry("id", ALICES_USER).containsEntry("subject", ALICE);
        assertThat(ids(orders)).containsExactly(ALICES_OTHER_ORDER, ALICES_ORDER);
        assertThat(order.getStatusCode().value()).isEqualTo(200);
        assertThat(order.getBody()).containsEntry("id", ALICES_ORDER).containsEntry("userId", ALICES_USER);
    }

    @Test
    void anotherCustomersUserAndOrdersAnswerExactlyAsUnknownIds() {
        String bob = customer(BOB);
        String unknown = UUID.randomUUID().toString();

        assertAnswersAsUnknown(getAs(bob, "/api/v1/users/" + ALICES_USER), ALICES_USER,
                getAs(bob, "/api/v1/users/" + unknown), unknown);
        assertAnswersAsUnknown(getAs(bob, "/api/v1/users/" + ALICES_USER + "/orders"), ALICES_USER,
                getAs(bob, "/api/v1/users/" + unknown + "/orders"), unknown);
        assertAnswersAsUnknown(getAs(bob, "/api/v1/orders/" + ALICES_ORDER), ALICES_ORDER,
                getAs(bob, "/api/v1/orders/" + unknown), unknown);
        assertThat(getAs(bob, "/api/v1/orders/" + BOBS_ORDER).getStatusCode().value()).as("his own").isEqualTo(200);
    }

    @Test
    void aCachedDocumentAndItsOwnersETagTellAnotherCustomerNothing() {
        String alice = customer(ALICE);
        String bob = customer(BOB);
        String userETag = getAs(alice, "/api/v1/users/" + ALICES_USER).getHeaders().getETag();
        String orderETag = getAs(alice, "/api/v1/orders/" + ALICES_ORDER).getHeaders().getETag();
        assertThat(getAs(alice, "/api/v1/users/" + ALICES_USER, "If-None-Match", userETag).getStatusCode().value())
                .as("the owner revalidates").isEqualTo(304);
        String unknown = UUID.randomUUID().toString();
        double hits = cacheHits();

        ResponseEntity<Map> user = getAs(bob, "/api/v1/users/" + ALICES_USER, "If-None-Match", userETag);
        ResponseEntity<Map> order = getAs(bob, "/api/v1/orders/" + ALICES_ORDER, "If-None-Match", orderETag);

        assertThat(cacheHits()).as("both documents came from the near-cache").isGreaterThanOrEqualTo(hits + 2);
        assertAnswersAsUnknown(user, ALICES_USER, getAs(bob, "/api/v1/users/" + unknown, "If-None-Match", userETag), unknown);
        assertAnswersAsUnknown(order, ALICES_ORDER, getAs(bob, "/api/v1/orders/" + unknown, "If-None-Match", orderETag), unknown);
    }

    @Test
    void aConsistencyTokenForAnotherCustomersDocumentWaitsAsForAnUnknownOne() {
        String bob = customer(BOB);
        String unknown = UUID.randomUUID().toString();

        ResponseEntity<Map> alices = getAs(bob, "/api/v1/orders/" + ALICES_ORDER, "Consistency-Token", "order:" + ALICES_ORDER + ":1");
        ResponseEntity<Map> unknowns = getAs(bob, "/api/v1/orders/" + unknown, "Consistency-Token", "order:" + unknown + ":1");

        assertThat(alices.getStatusCode().value()).isEqualTo(503);
        assertThat(alices.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(withoutId(alices.getBody(), ALICES_ORDER)).isEqualTo(withoutId(unknowns.getBody(), unknown));
        assertThat(getAs(customer(ALICE), "/api/v1/orders/" + ALICES_ORDER, "Consistency-Token", "order:" + ALICES_ORDER + ":1")
                .getStatusCode().value()).as("the owner's own token").isEqualTo(200);
    }

    @Test
    void aUserRegisteredWithoutATokenIsAnAdminsAlone() {
        assertThat(getAs(customer("kc-someone-" + UUID.randomUUID()), "/api/v1/users/" + NOBODYS_USER).getStatusCode().value())
                .isEqualTo(404);
        assertThat(getAs(customer("kc-someone-" + UUID.randomUUID()), "/api/v1/users/" + NOBODYS_USER + "/orders")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(getAs(ADMIN, "/api/v1/users/" + NOBODYS_USER).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anAdminReadsEveryonesUsersAndOrders() {
        assertThat(getAs(ADMIN, "/api/v1/users/" + ALICES_USER).getBody()).containsEntry("subject", ALICE);
        assertThat(ids(getAs(ADMIN, "/api/v1/users/" + BOBS_USER + "/orders"))).containsExactly(BOBS_ORDER);
        assertThat(getAs(ADMIN, "/api/v1/orders/" + ALICES_ORDER).getStatusCode().value()).isEqualTo(200);
        assertThat(ids(getAs(ADMIN, "/api/v1/users/" + UUID.randomUUID() + "/orders"))).as("an unknown user has none").isEmpty();
    }

    @Test
    void searchesAndExportsAreForAdminsOnly() {
        String alice = customer(ALICE);
        for (String path : List.of("/api/v1/users?q=alice", "/api/v1/orders?userId=" + ALICES_USER,
                "/api/v1/export/orders?userId=" + ALICES_USER)) {
            ResponseEntity<String> customer = exchange(HttpMethod.GET, path, alice);
            ResponseEntity<String> probe = exchange(HttpMethod.HEAD, path, alice);
            ResponseEntity<String> admin = exchange(HttpMethod.GET, path, ADMIN);

            assertThat(customer.getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(customer.getHeaders().getContentType()).as(path).hasToString("application/problem+json");
            assertThat(customer.getBody()).as(path).contains("\"type\":\"urn:tributary:problem:forbidden\"", "\"status\":403");
            assertThat(probe.getStatusCode().value()).as("HEAD " + path).isEqualTo(403);
            assertThat(admin.getStatusCode().value()).as(path).isEqualTo(200);
        }
    }

    @Test
    void productReadsNeedNoToken() {
        assertThat(get("/api/v1/products?q=anything").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/products/suggest?prefix=any").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<Map> unknown = get("/api/v1/products/" + UUID.randomUUID());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).containsEntry("type", "urn:tributary:problem:not-found");
    }

    @Test
    void healthIsOpenTheOtherActuatorEndpointsAnAdmins() {
        assertThat(exchange(HttpMethod.GET, "/actuator/health/readiness", null).getStatusCode().value()).isEqualTo(200);
        assertThat(exchange(HttpMethod.GET, "/actuator/circuitbreakers", null).getStatusCode().value()).isEqualTo(401);
        assertThat(exchange(HttpMethod.GET, "/actuator/circuitbreakers", customer(ALICE)).getStatusCode().value()).isEqualTo(403);
        assertThat(exchange(HttpMethod.GET, "/actuator/circuitbreakers", ADMIN).getStatusCode().value()).isEqualTo(200);
    }

    /** Same status, headers that matter and body, but for the id itself. */
    private static void assertAnswersAsUnknown(ResponseEntity<Map> hidden, String hiddenId, ResponseEntity<Map> unknown,
                                               String unknownId) {
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getHeaders().getContentType()).isEqualTo(unknown.getHeaders().getContentType());
        assertThat(hidden.getHeaders().getETag()).isNull();
        assertThat(withoutId(hidden.getBody(), hiddenId)).isEqualTo(withoutId(unknown.getBody(), unknownId))
                .containsEntry("type", "urn:tributary:problem:not-found");
    }

    private static Map<String, Object> withoutId(Map<String, Object> problem, String id) {
        Map<String, Object> masked = new HashMap<>();
        problem.forEach((name, value) -> masked.put(name, value instanceof String text ? text.replace(id, "<id>") : value));
        return masked;
    }

    /** With this bearer token, none when null. */
    private ResponseEntity<String> exchange(HttpMethod method, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    private double cacheHits() {
        return meters.get("cache.gets").tag("cache", "views").tag("result", "hit").functionCounter().count();
    }

    private static Document user(String id, String name, String subject) {
        Document user = new Document("_id", id).append("userId", id).append("name", name)
                .append("email", id + "@example.com").append("registeredAt", Date.from(Instant.parse("2026-11-01T10:00:00Z")))
                .append("version", 1L).append("position", 1L);
        return subject == null ? user : user.append("subject", subject);
    }
}
