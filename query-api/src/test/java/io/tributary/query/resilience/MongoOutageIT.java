package io.tributary.query.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.tributary.query.support.QueryApiIT;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the real Mongo-protocol server: reads answer 503 problem+json, fast once the breaker is open, and recover
 * by themselves when it is back. Runs after the other tests, which share the server, and before the Elasticsearch
 * outage.
 */
@Order(Integer.MAX_VALUE - 1)
@SuppressWarnings("rawtypes")
class MongoOutageIT extends QueryApiIT {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void readsAnswer503FastWhileMongoIsDownAndRecoverAutomatically() throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("mongo");
        STACK.stopMongo();
        try {
            // Ids never read before, so no answer can come from the near-cache.
            for (int attempt = 0; attempt < 20 && breaker.getState() != CircuitBreaker.State.OPEN; attempt++) {
                assertThat(get("/api/v1/products/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(503);
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

            long[] millis = new long[5];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                ResponseEntity<Map> refused = getAs(ADMIN, "/api/v1/orders/" + UUID.randomUUID());
                millis[i] = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertThat(refused.getStatusCode().value()).isEqualTo(503);
                assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
                assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
                assertThat(refused.getBody()).containsEntry("type", "urn:tributary:problem:store-unavailable");
            }
            Arrays.sort(millis);
            assertThat(millis[millis.length / 2]).as("median time of a refused read, ms").isLessThan(50);
        } finally {
            STACK.startMongo();
        }

        String id = UUID.randomUUID().toString();
        Document kettle = product(id, "KETTLE-1", "Copper Kettle", "Whistles", "kitchen", "30.00", 2, false,
                Instant.now(), 1);
        views(mongo).register("products").store("products", kettle);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ResponseEntity<Map> recovered = get("/api/v1/products/" + id);
        while (recovered.getStatusCode().value() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            recovered = get("/api/v1/products/" + id);
        }
        assertThat(recovered.getBody()).containsEntry("name", "Copper Kettle");
        for (int i = 0; i < 3; i++) {
            assertThat(getAs(ADMIN, "/api/v1/orders/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
