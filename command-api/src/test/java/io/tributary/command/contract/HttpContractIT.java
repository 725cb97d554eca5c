package io.tributary.command.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.command.CommandApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP contract of the write side, on the real event store. */
@SuppressWarnings({"rawtypes", "unchecked"})
class HttpContractIT extends CommandApiIntegrationTest {

    /** Sends what TestRestTemplate will not: chunked bodies, over-long headers, encoded slashes. */
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRetriedPostWithTheSameKeyReturnsTheFirstAnswerWithoutASecondEffect() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Grace Hopper\",\"email\":\"grace-" + key + "@example.com\"}";

        List<ResponseEntity<Map>> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            List<Future<ResponseEntity<Map>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(pool.submit(() -> post("/api/v1/users", body, "Idempotency-Key", key)));
            }
            answers = new java.util.ArrayList<>();
            for (Future<ResponseEntity<Map>> future : futures) {
                answers.add(future.get());
            }
        }

        assertThat(answers).extracting(answer -> answer.getStatusCode().value()).containsOnly(201);
        assertThat(answers).extracting(ResponseEntity::getBody).containsOnly(answers.getFirst().getBody());
        assertThat(answers).filteredOn(answer -> "true".equals(answer.getHeaders().getFirst("Idempotent-Replayed"))).hasSize(4);
        assertThat(answers).extracting(answer -> answer.getHeaders().getFirst("Consistency-Token")).doesNotContainNull();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                Long.class, "%grace-" + key + "%")).isEqualTo(1);

        ResponseEntity<Map> reused = post("/api/v1/users", body.replace("Grace", "Amazing Grace"), "Idempotency-Key", key);
        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        assertThat(reused.getBody()).containsEntry("type", "urn:tributary:problem:idempotency-key-reused");
    }

    @Test
    void aStoredAnswerIsReplayedOnlyToTheCallerItAnswered() {
        String key = UUID.randomUUID().toString();
        String ada = bearer("ada-" + key, "customer");
        String grace = bearer("grace-" + key, "customer");
        String adas = registerUser("Ada", "ada-" + key + "@example.com", ada);
        String product = addProduct("IDEM-" + key, "1.00", 5);
        String order = "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(adas, product);

        ResponseEntity<Map> first = post("/api/v1/orders", order, "Idempotency-Key", key, AUTHORIZATION, ada);
        ResponseEntity<Map> othersCopy = post("/api/v1/orders", order, "Idempotency-Key", key, AUTHORIZATION, grace);
        ResponseEntity<Map> retry = post("/api/v1/orders", order, "Idempotency-Key", key, AUTHORIZATION, ada);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(othersCopy.getStatusCode().value()).as("her own request ran: Ada's account is unknown to her")
                .isEqualTo(422);
        assertThat(othersCopy.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(othersCopy.getBody()).doesNotContainKey("id");
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void aRequestRefusedForItsTokenLeavesTheKeyUnused() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Ann\",\"email\":\"ann-" + key + "@example.com\"}";

        ResponseEntity<Map> refused = post("/api/v1/users", body, "Idempotency-Key", key,
                AUTHORIZATION, "Bearer " + issuer().expiredToken("ann", "customer"));
        ResponseEntity<Map> retried = post("/api/v1/users", body, "Idempotency-Key", key);

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(retried.getStatusCode().value()).isEqualTo(201);
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRefusedRequestIsAlsoReplayed() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<Map> first = post("/api/v1/users", "{\"name\":\"X\",\"email\":\"bad\"}", "Idempotency-Key", key);
        ResponseEntity<Map> retry = post("/api/v1/users", "{\"name\":\"X\",\"email\":\"bad\"}", "Idempotency-Key", key);
        assertThat(first.getStatusCode().value()).isEqualTo(400);
        assertThat(retry.getStatusCode().value()).isEqualTo(400);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        String user = registerUser("Ada Lovelace", "ada-" + UUID.randomUUID() + "@example.com");

        ResponseEntity<Map> current = exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"age\":36}", "If-Match", "\"1\"",
                AUTHORIZATION, ADMIN);
        assertThat(current.getStatusCode().value()).isEqualTo(200);
        assertThat(current.getHeaders().getETag()).isEqualTo("\"2\"");

        ResponseEntity<Map> stale = exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"age\":37}", "If-Match", "\"1\"",
                AUTHORIZATION, ADMIN);
        assertThat(stale.getStatusCode().value()).isEqualTo(412);
        assertThat(stale.getBody()).containsEntry("type", "urn:tributary:problem:stale-version").containsEntry("currentVersion", 2);

        ResponseEntity<Map> malformed = exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"age\":37}", "If-Match", "v2",
                AUTHORIZATION, ADMIN);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aPatchMustChangeSomethingValid() {
        String user = registerUser("Ada Lovelace", "ada-" + UUID.randomUUID() + "@example.com");
        ResponseEntity<Map> empty = exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{}", AUTHORIZATION, ADMIN);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map> tooYoung = exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"age\":12,\"bio\":null}",
                AUTHORIZATION, ADMIN);
        assertThat(tooYoung.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, String>>) tooYoung.getBody().get("errors")).extracting(e -> e.get("field")).contains("age");
        ResponseEntity<Map> noName = exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"name\":null}",
                AUTHORIZATION, ADMIN);
        assertThat(noName.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aPatchLeavesAbsentFieldsAloneAndClearsExplicitNulls() {
        String user = registerUser("Ada Lovelace", "ada-" + UUID.randomUUID() + "@example.com");
        exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"age\":36,\"bio\":\"<i>poet</i>\"}",
                AUTHORIZATION, ADMIN);
        exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"name\":\"Ada King\"}", AUTHORIZATION, ADMIN);
        exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"bio\":null}", AUTHORIZATION, ADMIN);

        List<String> profiles = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%UserProfileChanged' order by sequence_number""",
                String.class, user);
        assertThat(profiles).hasSize(3);
        assertThat(profiles.get(1)).contains("\"name\":\"Ada King\"", "\"age\":36", "\"bio\":\"<i>poet</i>\"");
        assertThat(profiles.get(2)).contains("\"name\":\"Ada King\"", "\"age\":36", "\"bio\":null");
    }

    @Test
    void unknownAggregatesAre404AndUnknownReferences422() {
        assertThat(post("/api/v1/orders/" + UUID.randomUUID() + "/cancel", null, AUTHORIZATION, ADMIN)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(post("/api/v1/products/" + UUID.randomUUID() + "/restock", "{\"quantity\":1}", AUTHORIZATION, ADMIN)
                .getStatusCode().value()).isEqualTo(404);
        ResponseEntity<Map> order = post("/api/v1/orders",
                "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"x\",\"quantity\":1}]}".formatted(UUID.randomUUID()),
                AUTHORIZATION, ADMIN);
        assertThat(order.getStatusCode().value()).isEqualTo(422);
        assertThat(order.getBody()).containsEntry("type", "urn:tributary:problem:unknown-reference");
    }

    /** Each aggregate type is loaded, and cached, on its own: a user's id named as a product finds no product. */
    @Test
    void anIdOfAnotherAggregateTypeIsAnUnknownReference() {
        String user = registerUser("Mixer", "mixer-" + UUID.randomUUID() + "@example.com");
        String product = addProduct("MX-" + UUID.randomUUID(), "1.00", 5);
        assertThat(post("/api/v1/orders",
                "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(user, product),
                AUTHORIZATION, ADMIN).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<Map> userAsProduct = post("/api/v1/orders",
                "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(user, user),
                AUTHORIZATION, ADMIN);
        ResponseEntity<Map> productAsUser = post("/api/v1/orders",
                "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(product, product),
                AUTHORIZATION, ADMIN);

        assertThat(userAsProduct.getStatusCode().value()).isEqualTo(422);
        assertThat(userAsProduct.getBody()).containsEntry("type", "urn:tributary:problem:unknown-reference");
        assertThat(productAsUser.getStatusCode().value()).isEqualTo(422);
        assertThat(productAsUser.getBody()).containsEntry("type", "urn:tributary:problem:unknown-reference");
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        String huge = "{\"name\":\"" + "a".repeat(1024 * 1024) + "\",\"email\":\"a@example.com\"}";
        ResponseEntity<Map> answer = post("/api/v1/users", huge);
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody()).containsEntry("type", "urn:tributary:problem:body-too-large");
    }

    @Test
    void aChunkedBodyOverOneMebibyteWithAnIdempotencyKeyIs413AndLeavesTheKeyUnused() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] huge = ("{\"name\":\"" + "a".repeat(1024 * 1024) + "\",\"email\":\"a@example.com\"}")
                .getBytes(StandardCharsets.UTF_8);

        // A body of unknown length goes out chunked, without Content-Length, so only reading it finds the size.
        HttpResponse<String> answer = RAW.send(request("/api/v1/users")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(problem(answer, 413).path("type").asText()).isEqualTo("urn:tributary:problem:body-too-large");
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where idempotency_key = ?",
                Long.class, key)).isZero();
    }

    @Test
    void requestsTomcatRefusesBeforeTheApiAreProblemsToo() throws Exception {
        HttpResponse<String> longHeader = RAW.send(request("/api/v1/users")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(10_000))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(longHeader.statusCode()).isIn(400, 431);
        problem(longHeader, longHeader.statusCode());

        HttpResponse<String> encodedSlash = RAW.send(request("/api/v1/users/..%2f..%2fetc").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        problem(encodedSlash, 400);
    }

    @Test
    void orderLifecycleOverHttp() {
        String user = registerUser("Shopper", "shopper-" + UUID.randomUUID() + "@example.com");
        String product = addProduct("LC-" + UUID.randomUUID(), "2.50", 5);
        String order = (String) post("/api/v1/orders",
                "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":2}]}".formatted(user, product),
                AUTHORIZATION, ADMIN).getBody().get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> hasEvent(order, "OrderConfirmed"));

        ResponseEntity<Map> shipped = post("/api/v1/orders/" + order + "/ship", null, AUTHORIZATION, ADMIN);
        assertThat(shipped.getStatusCode().value()).isEqualTo(200);
        assertThat(shipped.getBody()).containsEntry("version", 3);
        ResponseEntity<Map> cancel = post("/api/v1/orders/" + order + "/cancel", null, AUTHORIZATION, ADMIN);
        assertThat(cancel.getStatusCode().value()).isEqualTo(409);
        assertThat(cancel.getBody()).containsEntry("type", "urn:tributary:problem:order-shipped");
        await().atMost(Duration.ofSeconds(30)).until(() -> hasEvent(product, "StockShipped"));

        Map<String, Object> placed = jdbc.queryForMap("""
                select convert_from(payload, 'UTF8')::jsonb -> 'total' ->> 'amount' as total
                from domain_event_entry where aggregate_identifier = ? and sequence_number = 0""", order);
        assertThat(placed).containsEntry("total", "5.00");
    }

    @Test
    void aDeactivatedUserCannotOrder() {
        String user = registerUser("Leaver", "leaver-" + UUID.randomUUID() + "@example.com");
        String product = addProduct("DU-" + UUID.randomUUID(), "1.00", 5);
        assertThat(post("/api/v1/users/" + user + "/deactivate", null, AUTHORIZATION, ADMIN).getStatusCode().value())
                .isEqualTo(200);

        ResponseEntity<Map> order = post("/api/v1/orders",
                "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(user, product),
                AUTHORIZATION, ADMIN);
        assertThat(order.getStatusCode().value()).isEqualTo(409);
        assertThat(order.getBody()).containsEntry("type", "urn:tributary:problem:user-deactivated");
    }

    @Test
    void theOpenApiDocumentDescribesEveryCommand() {
        Map<String, Object> document = http.getForObject("/v3/api-docs", Map.class);
        assertThat((Map<String, Object>) document.get("paths")).containsKeys(
                "/api/v1/users", "/api/v1/users/{id}", "/api/v1/users/{id}/email", "/api/v1/users/{id}/deactivate",
                "/api/v1/products", "/api/v1/products/{id}", "/api/v1/products/{id}/price",
                "/api/v1/products/{id}/restock", "/api/v1/products/{id}/discontinue",
                "/api/v1/orders", "/api/v1/orders/{id}/cancel", "/api/v1/orders/{id}/ship");
        List<Object> parameters = ((Map<String, Map<String, Map<String, Object>>>) document.get("paths")).values().stream()
                .flatMap(operations -> operations.values().stream())
                .flatMap(operation -> ((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())).stream())
                .map(parameter -> parameter.get("name"))
                .toList();
        assertThat(parameters).as("the caller comes from the token").contains("id").doesNotContain("caller", "subject", "roles");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(http.getRootUri() + path)).timeout(Duration.ofSeconds(30));
    }

    /** The answer's problem document, after checking that it is one, with this status. */
    private static JsonNode problem(HttpResponse<String> answer, int status) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:tributary:problem:");
        return problem;
    }

    private boolean hasEvent(String aggregateId, String eventName) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, aggregateId, "%." + eventName) > 0;
    }
}
