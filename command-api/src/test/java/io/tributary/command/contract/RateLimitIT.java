package io.tributary.command.contract;

import io.tributary.command.CommandApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The command API's rate limits as configured in its application.yml: registrations per address, and the rest. */
@SuppressWarnings({"rawtypes", "unchecked"})
class RateLimitIT extends CommandApiIntegrationTest {

    @Autowired
    private HealthContributorRegistry health;

    @DynamicPropertySource
    static void limited(DynamicPropertyRegistry registry) {
        registry.add("tributary.rate-limits.enabled", () -> "true");
        // Buckets of this run only, should the stack share a Redis between runs.
        registry.add("tributary.rate-limits.key-prefix", () -> "tributary:rate:test-" + UUID.randomUUID() + ":");
    }

    @Test
    void anAddressRegistersTenUsersAtOnceThenIsToldWhenToRetry() {
        int registered = 0;
        ResponseEntity<Map> answer = register();
        // Ten at once; on a slow machine a token may refill meanwhile (one every 6 s).
        while (answer.getStatusCode().value() == 201 && registered < 30) {
            assertThat(answer.getHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"registration\";q=10;w=60");
            registered++;
            answer = register();
        }

        assertThat(registered).isGreaterThanOrEqualTo(10).isLessThan(30);
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("type", "urn:tributary:problem:rate-limited")
                .containsEntry("title", "Too many requests").containsEntry("status", 429);
        assertThat(Integer.parseInt(answer.getHeaders().getFirst("Retry-After"))).isBetween(1, 6);
        assertThat(answer.getHeaders().getFirst("RateLimit")).startsWith("\"registration\";r=0;t=");

        ResponseEntity<Map> product = post("/api/v1/products", """
                {"sku":"RL-%s","name":"Rate limited","description":"","category":"tools",
                 "price":{"amount":"1.00","currency":"EUR"},"initialStock":1}""".formatted(UUID.randomUUID()),
                AUTHORIZATION, ADMIN);
        assertThat(product.getStatusCode().value()).isEqualTo(201);
        assertThat(product.getHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"default\";q=100;w=2");
    }

    @Test
    void theHealthEndpointIsNotLimitedAndSaysWhereTheBucketsAre() {
        for (int i = 0; i < 3; i++) {
            ResponseEntity<Map> answer = http.getForEntity("/actuator/health", Map.class);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getHeaders().containsKey("RateLimit-Policy")).isFalse();
        }
        Health rateLimits = ((HealthIndicator) health.getContributor("rateLimits")).health();
        assertThat(rateLimits.getStatus()).isEqualTo(Status.UP);
        assertThat(rateLimits.getDetails()).containsKey("store");
    }

    @Test
    void anAdminSeesWhereTheBucketsAreOverHttpAndNobodyElseDoes() {
        Map<String, Object> asAdmin = exchange(HttpMethod.GET, "/actuator/health", null, AUTHORIZATION, ADMIN).getBody();
        Map<String, Object> components = (Map<String, Object>) asAdmin.get("components");
        assertThat(components).as(asAdmin.toString()).containsKey("rateLimits");
        assertThat((Map<String, Object>) ((Map<String, Object>) components.get("rateLimits")).get("details"))
                .containsKey("store");

        Map<String, Object> anonymous = http.getForEntity("/actuator/health", Map.class).getBody();
        assertThat(anonymous).as(anonymous.toString()).containsKey("status").doesNotContainKey("components");
    }

    private ResponseEntity<Map> register() {
        return post("/api/v1/users", "{\"name\":\"Rate Limited\",\"email\":\"rl-%s@example.com\"}".formatted(UUID.randomUUID()));
    }
}
