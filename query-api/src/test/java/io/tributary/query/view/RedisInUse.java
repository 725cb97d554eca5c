package io.tributary.query.view;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tributary.query.support.ViewFixtures;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import static io.tributary.query.support.ViewFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits until a replica uses Redis: a new document it read from MongoDB is stored there and its breaker is closed.
 * A replica's first calls to Redis may outlast the time limit on a busy machine (a cold connection and script);
 * the tests describe a replica past that.
 */
final class RedisInUse {

    private RedisInUse() {
    }

    /** @param read reads {@code /api/v1/products/<id>} on the replica and answers the status */
    static void await(ViewFixtures views, RedisConnectionFactory redis, CircuitBreaker breaker,
                      Function<String, Integer> read) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String id;
        do {
            assertThat(System.nanoTime()).as("Redis is in use").isLessThan(deadline);
            id = UUID.randomUUID().toString();
            views.store("products", product(id, "BOX-X", "Box X", "Cardboard", "storage", "2.00", 5, false, Instant.now(), 1));
            assertThat(read.apply(id)).isEqualTo(200);
        } while (!storedSoon(redis, id) || breaker.getState() != CircuitBreaker.State.CLOSED);
    }

    /** Redis is written in the background: wait a moment for it. */
    private static boolean storedSoon(RedisConnectionFactory redis, String id) throws InterruptedException {
        byte[] key = RedisCache.key("products_v1", id).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 20; attempt++) {
            try (RedisConnection connection = redis.getConnection()) {
                if (connection.stringCommands().get(key) != null) {
                    return true;
                }
            } catch (RuntimeException e) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
