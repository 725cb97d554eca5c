package io.tributary.query.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.query.support.QueryApiIT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The query API's rate limits as configured in its application.yml: searches, exports and the rest. */
@SuppressWarnings("rawtypes")
class RateLimitIT extends QueryApiIT {

    @DynamicPropertySource
    static void limited(DynamicPropertyRegistry registry) {
        registry.add("tributary.rate-limits.enabled", () -> "true");
        // Buckets of this run only, should the stack share a Redis between runs.
        registry.add("tributary.rate-limits.key-prefix", () -> "tributary:rate:test-" + UUID.randomUUID() + ":");
    }

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void bucketsShared() {
        // The first connection to Redis is made in the background; until then an instance counts on its own.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.get("tributary.rate.limits.store").tag("store", "redis").gauge().value() == 1);
    }

    @Test
    void searchesAreCountedBySearchAndOtherReadsByDefault() {
        assertThat(policyOf(get("/api/v1/products?q=desk"))).isEqualTo("\"search\";q=20;w=2");
        assertThat(policyOf(get("/api/v1/products/suggest?prefix=de"))).isEqualTo("\"search\";q=20;w=2");
        assertThat(policyOf(getAs(ADMIN, "/api/v1/users?q=ada"))).isEqualTo("\"search\";q=20;w=2");
        assertThat(policyOf(getAs(ADMIN, "/api/v1/orders"))).isEqualTo("\"search\";q=20;w=2");
        assertThat(policyOf(get("/api/v1/products?category=tools"))).isEqualTo("\"default\";q=100;w=2");
        assertThat(policyOf(getAs(ADMIN, "/api/v1/users/" + UUID.randomUUID()))).isEqualTo("\"default\";q=100;w=2");
        assertThat(get("/actuator/health").getHeaders().containsKey("RateLimit-Policy")).isFalse();
    }

    @Test
    void aClientExportsFiveTimesAtOnceThenIsToldWhenToRetry() {
        for (int i = 0; i < 5; i++) {
            ResponseEntity<String> export = httpAs(ADMIN).getForEntity("/api/v1/export/orders", String.class);
            assertThat(export.getStatusCode().value()).isEqualTo(200);
            assertThat(export.getHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"export\";q=5;w=60");
        }

        ResponseEntity<Map> refused = httpAs(ADMIN).getForEntity("/api/v1/export/orders", Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("type", "urn:tributary:problem:rate-limited")
                .containsEntry("status", 429);
        assertThat(Integer.parseInt(refused.getHeaders().getFirst("Retry-After"))).isBetween(1, 12);
    }

    private static String policyOf(ResponseEntity<?> answer) {
        assertThat(answer.getStatusCode().value()).isNotEqualTo(429);
        return answer.getHeaders().getFirst("RateLimit-Policy");
    }
}
