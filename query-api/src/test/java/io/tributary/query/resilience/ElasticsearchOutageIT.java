package io.tributary.query.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.tributary.query.support.QueryApiIT;
import io.tributary.query.support.ViewFixtures;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.tributary.query.support.ViewFixtures.product;
import static io.tributary.query.support.ViewFixtures.productSearchDocument;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the real Elasticsearch: searches fail fast behind the open breaker while reads from MongoDB go on, and
 * searches recover by themselves once it is back. Runs after the other tests, which share the server.
 */
@Order(Integer.MAX_VALUE)
@SuppressWarnings("rawtypes")
class ElasticsearchOutageIT extends QueryApiIT {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void searchAnswers503FastWhileElasticsearchIsDownAndRecoversAutomatically() throws Exception {
        String id = UUID.randomUUID().toString();
        Document lantern = product(id, "LANTERN-1", "Storm Lantern", "Brass lantern", "outdoor", "45.00", 3, false, Instant.now(), 1);
        ViewFixtures views = views(mongo).register("products").createIndex("products");
        views.store("products", lantern);
        views.index("products", id, 1, productSearchDocument(lantern), true);
        String search = "/api/v1/products?q=lantern";
        assertThat(ids(get(search))).containsExactly(id);

        CircuitBreaker breaker = breakers.circuitBreaker("elasticsearch");
        STACK.stopElasticsearch();
        try {
            for (int attempt = 0; attempt < 50 && breaker.getState() != CircuitBreaker.State.OPEN; attempt++) {
                assertThat(get(search).getStatusCode().value()).isEqualTo(503);
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

            long[] millis = new long[5];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                ResponseEntity<Map> refused = get(search);
                millis[i] = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertThat(refused.getStatusCode().value()).isEqualTo(503);
                assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
                assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
                assertThat(refused.getBody()).containsEntry("type", "urn:tributary:problem:store-unavailable");
            }
            Arrays.sort(millis);
            assertThat(millis[millis.length / 2]).as("median time of a refused search, ms").isLessThan(50);

            ResponseEntity<Map> fromMongo = get("/api/v1/products/" + id);
            assertThat(fromMongo.getStatusCode().value()).isEqualTo(200);
            assertThat(fromMongo.getBody()).containsEntry("name", "Storm Lantern");
        } finally {
            STACK.startElasticsearch();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ResponseEntity<Map> recovered = get(search);
        while (recovered.getStatusCode().value() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            recovered = get(search);
        }
        assertThat(ids(recovered)).containsExactly(id);
        // The trial calls of the half-open breaker succeed, so it closes.
        for (int i = 0; i < 3; i++) {
            assertThat(ids(get(search))).containsExactly(id);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
