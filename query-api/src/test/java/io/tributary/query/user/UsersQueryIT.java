package io.tributary.query.user;

import io.tributary.query.support.QueryApiIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The user endpoints on the real Mongo-protocol server and Elasticsearch, seeded the way the projections write. */
@SuppressWarnings({"rawtypes", "unchecked"})
class UsersQueryIT extends QueryApiIT {

    private static final String ADA = UUID.randomUUID().toString();
    private static boolean indexed;

    @BeforeEach
    void createSearchIndex() {
        if (!indexed) {
            views(mongo).createIndex("users");
            indexUser(ADA, "Ada Lovelace", "ada.lovelace@example.com", 1);
            indexed = true;
        }
    }

    @Test
    void aUserByIdCarriesItsVersionAsETag() {
        seedView(ADA, "Ada Lovelace", "ada.lovelace@example.com", 1);

        ResponseEntity<Map> answer = httpAs(ADMIN).getForEntity("/api/v1/users/" + ADA, Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("id", ADA).containsEntry("name", "Ada Lovelace")
                .containsEntry("email", "ada.lovelace@example.com").containsEntry("version", 1);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(answer.getHeaders().getCacheControl()).contains("no-cache").contains("private");
    }

    @Test
    void aMatchingIfNoneMatchIs304() {
        String id = UUID.randomUUID().toString();
        seedView(id, "Grace Hopper", "grace@example.com", 3);

        assertThat(getAs(ADMIN, "/api/v1/users/" + id, "If-None-Match", "\"3\"").getStatusCode().value()).isEqualTo(304);
        assertThat(getAs(ADMIN, "/api/v1/users/" + id, "If-None-Match", "W/\"3\"").getStatusCode().value()).isEqualTo(304);
        assertThat(getAs(ADMIN, "/api/v1/users/" + id, "If-None-Match", "\"1\", \"3\"").getStatusCode().value()).isEqualTo(304);
        ResponseEntity<Map> changed = getAs(ADMIN, "/api/v1/users/" + id, "If-None-Match", "\"2\"");
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(changed.getBody()).containsEntry("version", 3);
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        ResponseEntity<Map> unknown = httpAs(ADMIN).getForEntity("/api/v1/users/" + UUID.randomUUID(), Map.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(unknown.getBody()).containsEntry("type", "urn:tributary:problem:not-found");

        ResponseEntity<Map> malformed = httpAs(ADMIN).getForEntity("/api/v1/users/{id}", Map.class, "{\"$gt\":\"\"}");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, String>>) malformed.getBody().get("errors")).extracting(e -> e.get("parameter")).containsExactly("id");
    }

    @Test
    void searchFindsByNameAndByEmailFragment() {
        assertThat(ids(httpAs(ADMIN).getForEntity("/api/v1/users?q=lovelace", Map.class))).contains(ADA);
        assertThat(ids(httpAs(ADMIN).getForEntity("/api/v1/users?q=Ada Lovelase", Map.class))).as("fuzzy").contains(ADA);
        assertThat(ids(httpAs(ADMIN).getForEntity("/api/v1/users?q=Movelace", Map.class)))
                .as("a typo in the first letter").doesNotContain(ADA);
        assertThat(ids(httpAs(ADMIN).getForEntity("/api/v1/users?q=exampel", Map.class)))
                .as("a typo in an address's word").doesNotContain(ADA);
        ResponseEntity<Map> byEmail = httpAs(ADMIN).getForEntity("/api/v1/users?q=ada.lovelace@example.com", Map.class);
        assertThat(ids(byEmail)).contains(ADA);
        Map<String, Object> first = ((List<Map<String, Object>>) byEmail.getBody().get("items")).getFirst();
        assertThat(first).containsEntry("version", 1);
    }

    @Test
    void queryTextIsNeverInterpreted() {
        for (String text : List.of("*:*", "name:* OR 1=1", "{\"$gt\":\"\"}", "\\", "\"", "[", "AND (", "${jndi:x}")) {
            ResponseEntity<Map> answer = httpAs(ADMIN).getForEntity("/api/v1/users?q={q}", Map.class, text);
            assertThat(answer.getStatusCode().value()).as(text).isEqualTo(200);
            assertThat(ids(answer)).as(text).doesNotContain(ADA);
        }
    }

    @Test
    void badSearchParametersAreNamed() {
        assertThat(parameterOf(httpAs(ADMIN).getForEntity("/api/v1/users", Map.class))).isEqualTo("q");
        assertThat(parameterOf(httpAs(ADMIN).getForEntity("/api/v1/users?q={q}", Map.class, "   "))).isEqualTo("q");
        assertThat(parameterOf(httpAs(ADMIN).getForEntity("/api/v1/users?q=ada&limit=0", Map.class))).isEqualTo("limit");
        assertThat(parameterOf(httpAs(ADMIN).getForEntity("/api/v1/users?q=ada&limit=abc", Map.class))).isEqualTo("limit");
        assertThat(parameterOf(getAs(ADMIN, "/api/v1/users/" + ADA, "Consistency-Token", "user:x"))).isEqualTo("Consistency-Token");
    }

    @Test
    void aConsistencyTokenWaitsUntilTheViewHasTheVersion() {
        String id = UUID.randomUUID().toString();
        seedView(id, "Alan Turing", "alan@example.com", 1);
        CompletableFuture.runAsync(() -> seedView(id, "Alan M. Turing", "alan@example.com", 2),
                CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS));

        ResponseEntity<Map> answer = getAs(ADMIN, "/api/v1/users/" + id, "Consistency-Token", "user:" + id + ":2");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("version", 2).containsEntry("name", "Alan M. Turing");
    }

    @Test
    void aViewThatDoesNotCatchUpIs503WithRetryAfter() {
        String id = UUID.randomUUID().toString();
        seedView(id, "Alan Turing", "alan@example.com", 1);

        long started = System.nanoTime();
        ResponseEntity<Map> answer = getAs(ADMIN, "/api/v1/users/" + id, "Consistency-Token", "user:" + id + ":5");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody()).containsEntry("type", "urn:tributary:problem:view-not-ready");
        assertThat(waited).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(6));
    }

    @Test
    void healthIsUpWithBothStores() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode().value()).as(String.valueOf(health.getBody())).isEqualTo(200);
        assertThat((Map<String, Object>) health.getBody().get("components")).containsKeys("mongo", "elasticsearch");
    }

    @Test
    void tokensOfOtherAggregateTypesAreIgnored() {
        ResponseEntity<Map> answer = getAs(ADMIN, "/api/v1/users/" + ADA, "Consistency-Token", "order:" + UUID.randomUUID() + ":9");
        assertThat(answer.getStatusCode().value()).isIn(200, 404);
    }

    @Test
    void searchWaitsForTheIndexedVersion() {
        // An index in use: a shard nobody searched for 30 s skips its periodic refreshes until the next search.
        assertThat(ids(getAs(ADMIN, "/api/v1/users?q=lovelace"))).contains(ADA);
        String id = UUID.randomUUID().toString();
        CompletableFuture.runAsync(() -> {
            // No refresh: the document is visible to a get at once, to searches only after the next refresh.
            indexUser(id, "Barbara Liskov", "barbara@example.com", 1, false);
        }, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        ResponseEntity<Map> answer = getAs(ADMIN, "/api/v1/users?q=liskov", "Consistency-Token", "user:" + id + ":1");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(ids(answer)).contains(id);
    }

    private void seedView(String id, String name, String email, long version) {
        views(mongo).register("users").store("users", new Document("_id", id).append("userId", id).append("name", name)
                .append("email", email).append("registeredAt", Date.from(Instant.parse("2026-11-01T10:00:00Z")))
                .append("version", version).append("position", version));
    }

    private void indexUser(String id, String name, String email, long version) {
        indexUser(id, name, email, version, true);
    }

    private void indexUser(String id, String name, String email, long version, boolean refresh) {
        views(mongo).index("users", id, version,
                "{\"userId\":\"%s\",\"name\":\"%s\",\"email\":\"%s\",\"registeredAt\":\"2026-11-01T10:00:00Z\",\"version\":%d}"
                        .formatted(id, name, email, version), refresh);
    }
}
