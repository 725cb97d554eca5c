package io.tributary.http.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of a service, each with its own limiter and its own connection to one Redis, together let no more
 * requests of one subject through than the policy's capacity.
 */
class SharedBucketsTest {

    private static final EmbeddedRedis redis = new EmbeddedRedis();
    private static final int CAPACITY = 10;

    @AfterAll
    static void stopRedis() {
        redis.stop();
    }

    @Test
    void replicasSharingRedisNeverLetMoreThanTheCapacityThrough() throws Exception {
        RedisClient first = RedisClient.create(redis.url());
        RedisClient second = RedisClient.create(redis.url());
        try (BucketStore firstBuckets = store(first); BucketStore secondBuckets = store(second);
             ExecutorService clients = Executors.newFixedThreadPool(8)) {
            // Both connect in the background; until then each would count on its own.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> firstBuckets.usesRedis() && secondBuckets.usesRedis());
            List<RateLimitFilter> replicas = List.of(filter(firstBuckets), filter(secondBuckets));
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4 * CAPACITY; i++) {
                RateLimitFilter replica = replicas.get(i % 2);
                answers.add(clients.submit(() -> statusOf(replica)));
            }
            int passed = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                passed += status == 200 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertThat(passed).isEqualTo(CAPACITY);
            assertThat(refused).isEqualTo(3 * CAPACITY);
            assertThat(firstBuckets.usesRedis()).isTrue();
            assertThat(secondBuckets.usesRedis()).isTrue();
        } finally {
            first.shutdown();
            second.shutdown();
        }
    }

    private static BucketStore store(RedisClient client) {
        return new BucketStore(new RedisBuckets(client, Duration.ofMillis(250)), Duration.ofSeconds(5), 1000,
                new SimpleMeterRegistry());
    }

    private static RateLimitFilter filter(BucketStore buckets) {
        RateLimitRoutes routes = RateLimitRoutes.of(Map.of("export",
                new RateLimitProperties.Policy(CAPACITY, Duration.ofMinutes(10), List.of("/api/v1/export/**"))));
        return new RateLimitFilter(routes, buckets, "tributary:rate:", new ObjectMapper(), new SimpleMeterRegistry());
    }

    private static int statusOf(RateLimitFilter replica) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/export/orders");
        request.setRemoteAddr("198.51.100.20");
        MockHttpServletResponse response = new MockHttpServletResponse();
        replica.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
