package io.tributary.command.contract;

import io.tributary.command.CommandApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may send which command, over HTTP with tokens of a real issuer: registration is open and links a token's
 * subject to the new account; the catalogue and shipping are the admins'; a customer changes, orders for and
 * cancels only with their own account, and anyone else's answers exactly as an unknown id does.
 */
@SuppressWarnings("rawtypes")
class CommandAccessIT extends CommandApiIntegrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommandWithoutATokenIsAskedForOne() {
        String user = registerUser("Anonymous Ann", "ann-" + UUID.randomUUID() + "@example.com");
        List<ResponseEntity<Map>> answers = List.of(
                post("/api/v1/orders", order(user, UUID.randomUUID().toString())),
                exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"age\":30}"),
                post("/api/v1/users/" + user + "/deactivate", null),
                post("/api/v1/orders/" + UUID.randomUUID() + "/cancel", null),
                post("/api/v1/products", product("NT-" + UUID.randomUUID())));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(401);
            assertThat(answer.getHeaders().getContentType()).hasToString(PROBLEM_JSON);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(answer.getBody()).containsEntry("type", "urn:tributary:problem:unauthorized");
        });
        assertThat(events(user)).as("the user was not changed").isEqualTo(1);
    }

    @Test
    void aTokenThatIsNotValidIsRefusedEvenWhereNoneIsNeeded() {
        for (String token : List.of(issuer().expiredToken("ann", "customer"), issuer().forgedToken("ann", "customer"),
                issuer().tokenForAnotherAudience("ann", "customer"), "not-a-jwt")) {
            String email = "invalid-" + UUID.randomUUID() + "@example.com";
            ResponseEntity<Map> registration = post("/api/v1/users", register("Ann", email),
                    AUTHORIZATION, "Bearer " + token);

            assertThat(registration.getStatusCode().value()).isEqualTo(401);
            assertThat(registration.getBody()).containsEntry("type", "urn:tributary:problem:unauthorized");
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                    Long.class, "%" + email + "%")).isZero();
        }
    }

    @Test
    void theCatalogueAndShippingAreTheAdminsAlone() {
        String customer = bearer("cora-" + UUID.randomUUID(), "customer");
        String product = addProduct("CAT-" + UUID.randomUUID(), "3.00", 5);
        List<ResponseEntity<Map>> refused = List.of(
                post("/api/v1/products", product("CUST-" + UUID.randomUUID()), AUTHORIZATION, customer),
                exchange(HttpMethod.PATCH, "/api/v1/products/" + product, "{\"name\":\"Renamed\"}", AUTHORIZATION, customer),
                post("/api/v1/products/" + product + "/price", "{\"price\":{\"amount\":\"0.01\",\"currency\":\"EUR\"}}",
                        AUTHORIZATION, customer),
                post("/api/v1/products/" + product + "/restock", "{\"quantity\":5}", AUTHORIZATION, customer),
                post("/api/v1/products/" + product + "/discontinue", null, AUTHORIZATION, customer),
                post("/api/v1/orders/" + UUID.randomUUID() + "/ship", null, AUTHORIZATION, customer));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(403);
            assertThat(answer.getHeaders().getContentType()).hasToString(PROBLEM_JSON);
            assertThat(answer.getBody()).containsEntry("type", "urn:tributary:problem:forbidden");
        });
        assertThat(events(product)).as("the product was not changed").isEqualTo(1);
        assertThat(post("/api/v1/products/" + product + "/restock", "{\"quantity\":5}", AUTHORIZATION, ADMIN)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aRegistrationWithATokenLinksItsSubjectOnce() {
        String subject = "ada-" + UUID.randomUUID();
        String ada = bearer(subject, "customer");

        ResponseEntity<Map> anonymous = post("/api/v1/users", register("Ann", "ann-" + UUID.randomUUID() + "@example.com"));
        ResponseEntity<Map> linked = post("/api/v1/users", register("Ada", "ada-" + UUID.randomUUID() + "@example.com"),
                AUTHORIZATION, ada);
        ResponseEntity<Map> second = post("/api/v1/users", register("Ada Again", "ada-" + UUID.randomUUID() + "@example.com"),
                AUTHORIZATION, ada);

        assertThat(anonymous.getStatusCode().value()).isEqualTo(201);
        assertThat(subjectOf((String) anonymous.getBody().get("id"))).isNull();
        assertThat(linked.getStatusCode().value()).isEqualTo(201);
        assertThat(subjectOf((String) linked.getBody().get("id"))).isEqualTo(subject);
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getHeaders().getContentType()).hasToString(PROBLEM_JSON);
        assertThat(second.getBody()).containsEntry("type", "urn:tributary:problem:subject-already-registered");
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'io.tributary.events.user.UserRegistered'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'subject' = ?""", Long.class, subject)).isEqualTo(1);
    }

    @Test
    void anotherCustomersAccountAnswersAsAnUnknownOneDoes() {
        String ada = bearer("ada-" + UUID.randomUUID(), "customer");
        String grace = bearer("grace-" + UUID.randomUUID(), "customer");
        String adas = registerUser("Ada", "ada-" + UUID.randomUUID() + "@example.com", ada);
        String unknown = UUID.randomUUID().toString();

        for (String[] change : new String[][]{{"PATCH", "", "{\"age\":30}"},
                {"POST", "/email", "{\"email\":\"grace-" + UUID.randomUUID() + "@example.com\"}"},
                {"POST", "/deactivate", null}}) {
            HttpMethod method = HttpMethod.valueOf(change[0]);
            ResponseEntity<Map> others = exchange(method, "/api/v1/users/" + adas + change[1], change[2],
                    AUTHORIZATION, grace, "If-Match", "\"7\"");
            ResponseEntity<Map> nobodys = exchange(method, "/api/v1/users/" + unknown + change[1], change[2],
                    AUTHORIZATION, grace, "If-Match", "\"7\"");

            assertThat(others.getStatusCode().value()).isEqualTo(404);
            assertSameAnswer(others, adas, nobodys, unknown);
        }
        assertThat(events(adas)).as("Ada's account was not changed").isEqualTo(1);

        assertThat(exchange(HttpMethod.PATCH, "/api/v1/users/" + adas, "{\"age\":36}", AUTHORIZATION, ada)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(exchange(HttpMethod.PATCH, "/api/v1/users/" + adas, "{\"age\":37}", AUTHORIZATION, ADMIN)
                .getStatusCode().value()).isEqualTo(200);
        String anonymousUser = registerUser("Ann", "ann-" + UUID.randomUUID() + "@example.com");
        assertThat(exchange(HttpMethod.PATCH, "/api/v1/users/" + anonymousUser, "{\"age\":30}", AUTHORIZATION, ada)
                .getStatusCode().value()).as("an account nobody owns is the admins'").isEqualTo(404);
        assertThat(exchange(HttpMethod.PATCH, "/api/v1/users/" + anonymousUser, "{\"age\":30}", AUTHORIZATION, ADMIN)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void orderingForAnotherCustomersAccountAnswersAsForAnUnknownOne() {
        String ada = bearer("ada-" + UUID.randomUUID(), "customer");
        String grace = bearer("grace-" + UUID.randomUUID(), "customer");
        String adas = registerUser("Ada", "ada-" + UUID.randomUUID() + "@example.com", ada);
        String product = addProduct("OWN-" + UUID.randomUUID(), "2.00", 10);
        String unknown = UUID.randomUUID().toString();

        ResponseEntity<Map> others = post("/api/v1/orders", order(adas, product), AUTHORIZATION, grace);
        ResponseEntity<Map> nobodys = post("/api/v1/orders", order(unknown, product), AUTHORIZATION, grace);

        assertThat(others.getStatusCode().value()).isEqualTo(422);
        assertSameAnswer(others, adas, nobodys, unknown);
        assertThat(post("/api/v1/orders", order(adas, product), AUTHORIZATION, ada).getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/v1/orders", order(adas, product), AUTHORIZATION, ADMIN).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aCustomerCancelsOnlyTheirOwnOrders() {
        String ada = bearer("ada-" + UUID.randomUUID(), "customer");
        String grace = bearer("grace-" + UUID.randomUUID(), "customer");
        String adas = registerUser("Ada", "ada-" + UUID.randomUUID() + "@example.com", ada);
        String product = addProduct("CXL-" + UUID.randomUUID(), "2.00", 10);
        String first = (String) post("/api/v1/orders", order(adas, product), AUTHORIZATION, ada).getBody().get("id");
        String second = (String) post("/api/v1/orders", order(adas, product), AUTHORIZATION, ada).getBody().get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> events(first) == 2 && events(second) == 2);
        String unknown = UUID.randomUUID().toString();

        ResponseEntity<Map> others = post("/api/v1/orders/" + first + "/cancel", null, AUTHORIZATION, grace,
                "If-Match", "\"1\"");
        ResponseEntity<Map> nobodys = post("/api/v1/orders/" + unknown + "/cancel", null, AUTHORIZATION, grace,
                "If-Match", "\"1\"");

        assertThat(others.getStatusCode().value()).isEqualTo(404);
        assertSameAnswer(others, first, nobodys, unknown);
        assertThat(post("/api/v1/orders/" + first + "/cancel", null, AUTHORIZATION, ada).getStatusCode().value())
                .isEqualTo(200);
        assertThat(post("/api/v1/orders/" + second + "/cancel", null, AUTHORIZATION, ADMIN).getStatusCode().value())
                .isEqualTo(200);
    }

    /** Same status, same headers that matter, same problem: only the ids differ. */
    private static void assertSameAnswer(ResponseEntity<Map> answer, String id, ResponseEntity<Map> unknownAnswer,
                                         String unknownId) {
        assertThat(answer.getStatusCode()).isEqualTo(unknownAnswer.getStatusCode());
        assertThat(answer.getHeaders().getContentType()).hasToString(PROBLEM_JSON)
                .isEqualTo(unknownAnswer.getHeaders().getContentType());
        assertThat(answer.getHeaders().getETag()).isNull();
        assertThat(answer.getBody().toString().replace(id, unknownId)).isEqualTo(unknownAnswer.getBody().toString());
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                aggregateId);
    }

    private String subjectOf(String userId) {
        return jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'subject' from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, userId);
    }

    private static String register(String name, String email) {
        return "{\"name\":\"%s\",\"email\":\"%s\"}".formatted(name, email);
    }

    private static String order(String userId, String productId) {
        return "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(userId, productId);
    }

    private static String product(String sku) {
        return """
                {"sku":"%s","name":"Product %s","description":"","category":"tools",
                 "price":{"amount":"1.00","currency":"EUR"},"initialStock":1}""".formatted(sku, sku);
    }
}
