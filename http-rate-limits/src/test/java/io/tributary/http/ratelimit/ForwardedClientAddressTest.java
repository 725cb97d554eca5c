package io.tributary.http.ratelimit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the gateway, with the services' {@code server.forward-headers-strategy: native}, anonymous clients are
 * counted by the address the gateway forwards, not the gateway's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "tributary.rate-limits.policies.default.capacity=2",
        "tributary.rate-limits.policies.default.period=60s",
        "tributary.rate-limits.policies.default.routes=/api/**",
        "management.health.redis.enabled=false"})
class ForwardedClientAddressTest {

    private static final EmbeddedRedis redis = new EmbeddedRedis();

    @Autowired
    private TestRestTemplate http;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry properties) {
        properties.add("spring.data.redis.url", redis::url);
    }

    @AfterAll
    static void stopRedis() {
        redis.stop();
    }

    @Test
    void clientsBehindTheGatewayHaveTheirOwnBuckets() {
        assertThat(statusFrom("203.0.113.9")).isEqualTo(200);
        assertThat(statusFrom("203.0.113.9")).isEqualTo(200);
        assertThat(statusFrom("203.0.113.9")).isEqualTo(429);
        assertThat(statusFrom("198.51.100.4")).isEqualTo(200);
        assertThat(redis.keys()).containsExactlyInAnyOrder(
                "tributary:rate:default:ip:203.0.113.9", "tributary:rate:default:ip:198.51.100.4");
    }

    private int statusFrom(String client) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", client);
        ResponseEntity<String> answer = http.exchange("/api/v1/ping", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        return answer.getStatusCode().value();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class Api {

        @GetMapping("/api/v1/ping")
        String ping() {
            return "pong";
        }
    }
}
