package io.tributary.query.view;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.query.support.QueryApiIT;
import io.tributary.query.support.ViewFixtures;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tributary.query.support.ViewFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the real Redis: every read still answers 200 from MongoDB, none waits much longer than a Redis time limit,
 * the {@code cacheLevels} health detail and the metrics show the degradation while the service stays UP, and Redis
 * is used again once it is back. Runs after the tests that use Redis and before the store outages.
 */
@Order(Integer.MAX_VALUE - 2)
@SuppressWarnings({"rawtypes", "unchecked"})
class RedisOutageIT extends QueryApiIT {

    /** Two of Redis' time limits (500 ms): a read tries Redis at most once. */
    private static final Duration SLOWEST_READ = Duration.ofSeconds(1);

    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RedisConnectionFactory redisConnections;

    @Test
    void readsGoToMongoDbWhileRedisIsDownAndUseRedisAgainWhenItIsBack() throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("redis");
        ViewFixtures views = views(mongo).register("products");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = UUID.randomUUID().toString();
            views.store("products", product(id, "BOX-" + i, "Box " + i, "Cardboard", "storage", "2.00", 5, false, Instant.now(), 1));
            ids.add(id);
        }
        // A warm service, connected to Redis, as it is when Redis goes away.
        RedisInUse.await(views, redisConnections, breaker, id -> get("/api/v1/products/" + id).getStatusCode().value());
        double unavailable = requests("unavailable");

        REDIS.stop();
        try {
            long slowest = 0;
            for (String id : ids) {
                long started = System.nanoTime();
                ResponseEntity<Map> answer = get("/api/v1/products/" + id);
                slowest = Math.max(slowest, System.nanoTime() - started);
                assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
                assertThat(answer.getBody()).containsEntry("id", id);
            }
            assertThat(Duration.ofNanos(slowest)).as("slowest read while Redis is down").isLessThan(SLOWEST_READ);
            assertThat(breaker.getState()).as("Redis is no longer asked").isNotEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(requests("unavailable")).isGreaterThanOrEqualTo(unavailable + ids.size());
            assertThat(meters.get(ViewCacheMeters.ERRORS).tag("level", "redis").tag("operation", "read").counter().count())
                    .isPositive();

            ResponseEntity<Map> health = httpAs(ADMIN).getForEntity("/actuator/health", Map.class);
            assertThat(health.getBody()).containsEntry("status", "UP");
            Map<String, Object> cacheLevels = (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components")).get("cacheLevels");
            assertThat(cacheLevels).containsEntry("status", "UP");
            assertThat((Map<String, Object>) cacheLevels.get("details"))
                    .containsEntry("redis", "unreachable, reads served from the near cache and MongoDB");
            assertThat(http.getForEntity("/actuator/health/readiness", Map.class).getBody()).containsEntry("status", "UP");
        } finally {
            REDIS.start();
        }

        // Back: a document read from MongoDB is in Redis again once the breaker let the calls through.
        RedisInUse.await(views, redisConnections, breaker, id -> get("/api/v1/products/" + id).getStatusCode().value());
        Map<String, Object> cacheLevels = (Map<String, Object>) ((Map<String, Object>) httpAs(ADMIN).getForEntity("/actuator/health",
                Map.class).getBody().get("components")).get("cacheLevels");
        assertThat((Map<String, Object>) cacheLevels.get("details")).containsEntry("redis", "up");
    }

    private double requests(String result) {
        return meters.get(ViewCacheMeters.REQUESTS).tag("level", "redis").tag("result", result).counter().count();
    }
}
