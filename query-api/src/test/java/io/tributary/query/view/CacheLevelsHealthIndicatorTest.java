package io.tributary.query.view;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CacheLevelsHealthIndicatorTest {

    @Test
    void withoutARedisUrlTheLevelIsOffAndNeverAsked() {
        RedisCache off = new RedisCache(new RedisProperties(), null, new RedisCacheProperties(Duration.ofSeconds(60)),
                null, CircuitBreakerRegistry.ofDefaults(), new SimpleMeterRegistry());

        assertThat(off.enabled()).isFalse();
        assertThat(off.getAll("products_v1", List.of("a"), id -> 0L)).isEmpty();
        Health health = new CacheLevelsHealthIndicator(off).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("redis", "off, no spring.data.redis.url configured");
    }
}
