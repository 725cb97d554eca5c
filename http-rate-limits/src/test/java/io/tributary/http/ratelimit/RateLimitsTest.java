package io.tributary.http.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The rate limits in a service, with its buckets in a real Redis that is stopped and started again. */
@SpringBootTest(properties = {
        "tributary.rate-limits.redis-retry-interval=300ms",
        "tributary.rate-limits.policies.default.capacity=5",
        "tributary.rate-limits.policies.default.period=60s",
        "tributary.rate-limits.policies.default.routes=/api/**",
        "tributary.rate-limits.policies.search.capacity=3",
        "tributary.rate-limits.policies.search.period=60s",
        "tributary.rate-limits.policies.search.routes=GET /api/v1/products?q",
        "spring.data.redis.timeout=250ms",
        "spring.data.redis.connect-timeout=250ms",
        "management.health.redis.enabled=false",
        "management.endpoint.health.show-details=always"})
@AutoConfigureMockMvc
class RateLimitsTest {

    private static final EmbeddedRedis redis = new EmbeddedRedis();

    @Autowired
    private MockMvc http;
    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry properties) {
        properties.add("spring.data.redis.url", redis::url);
    }

    @AfterAll
    static void stopRedis() {
        redis.stop();
    }

    @BeforeEach
    void emptyBucketsInUse() {
        redis.flush();
        // The first connection is made in the background at startup.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> storeGauge("redis") == 1);
    }

    @Test
    void requestsUnderTheLimitPassWithThePolicyAndWhatIsLeftOfIt() throws Exception {
        http.perform(search())
                .andExpect(status().isOk())
                .andExpect(header().string(RateLimitFilter.POLICY, "\"search\";q=3;w=60"))
                .andExpect(header().string(RateLimitFilter.LIMIT, "\"search\";r=2;t=20"));
        http.perform(search())
                .andExpect(status().isOk())
                // 40 s to full again, less the time since the first request (a second at most on a busy machine).
                .andExpect(header().string(RateLimitFilter.LIMIT, matchesPattern("\"search\";r=1;t=(39|40)")));
        http.perform(get("/api/v1/products/7"))
                .andExpect(status().isOk())
                .andExpect(header().string(RateLimitFilter.POLICY, "\"default\";q=5;w=60"))
                .andExpect(header().string(RateLimitFilter.LIMIT, "\"default\";r=4;t=12"));
        assertThat(redis.keys()).contains("tributary:rate:search:ip:127.0.0.1", "tributary:rate:default:ip:127.0.0.1");
    }

    @Test
    void aRequestOverTheLimitIsRefusedWithAProblemAndWhenToRetry() throws Exception {
        double refusedBefore = refused("search");
        for (int i = 0; i < 3; i++) {
            http.perform(search()).andExpect(status().isOk());
        }
        http.perform(search())
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", matchesPattern("19|20")))
                .andExpect(header().string(RateLimitFilter.POLICY, "\"search\";q=3;w=60"))
                .andExpect(header().string(RateLimitFilter.LIMIT, matchesPattern("\"search\";r=0;t=(59|60)")))
                .andExpect(jsonPath("$.type").value("urn:tributary:problem:rate-limited"))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.instance").value("/api/v1/products"))
                .andExpect(jsonPath("$.detail").value(matchesPattern(
                        "The search rate limit of 3 requests per 60 s is used up; retry in (19|20) s\\.")));
        assertThat(refused("search")).isEqualTo(refusedBefore + 1);
        http.perform(get("/api/v1/products/7")).andExpect(status().isOk());
    }

    @Test
    void everySubjectHasItsOwnBuckets() throws Exception {
        for (int i = 0; i < 3; i++) {
            http.perform(search().principal(() -> "alice")).andExpect(status().isOk());
        }
        http.perform(search().principal(() -> "alice")).andExpect(status().isTooManyRequests());
        http.perform(search().principal(() -> "bob")).andExpect(status().isOk());
        http.perform(search()).andExpect(status().isOk());
        assertThat(redis.keys()).contains("tributary:rate:search:user:alice", "tributary:rate:search:user:bob");
    }

    @Test
    void anonymousRequestsAreCountedByClientAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            http.perform(search().with(from("203.0.113.7"))).andExpect(status().isOk());
        }
        http.perform(search().with(from("203.0.113.7"))).andExpect(status().isTooManyRequests());
        http.perform(search().with(from("203.0.113.8"))).andExpect(status().isOk());
        assertThat(redis.keys()).contains("tributary:rate:search:ip:203.0.113.7", "tributary:rate:search:ip:203.0.113.8");
    }

    @Test
    void actuatorEndpointsAreNeverLimited() throws Exception {
        for (int i = 0; i < 7; i++) {
            http.perform(get("/actuator/health"))
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist(RateLimitFilter.POLICY));
        }
    }

    @Test
    void whileRedisIsDownRequestsAreLimitedLocallyAndSaySo() throws Exception {
        http.perform(search()).andExpect(status().isOk());
        assertThat(storeGauge("redis")).isEqualTo(1);
        http.perform(get("/actuator/health")).andExpect(jsonPath("$.components.rateLimits.details.store").value("redis"));

        redis.stop();
        try {
            long start = System.nanoTime();
            http.perform(search()).andExpect(status().isOk()).andExpect(header().exists(RateLimitFilter.LIMIT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(storeGauge("local")).isEqualTo(1);
            assertThat(storeGauge("redis")).isZero();
            http.perform(get("/actuator/health"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andExpect(jsonPath("$.components.rateLimits.status").value("UP"))
                    .andExpect(jsonPath("$.components.rateLimits.details.store").value("local (Redis unreachable)"));
            // Still limited, in this instance's own buckets.
            for (int i = 0; i < 2; i++) {
                http.perform(search()).andExpect(status().isOk());
            }
            http.perform(search()).andExpect(status().isTooManyRequests());
        } finally {
            redis.start();
        }

        // Once Lettuce has reconnected and the retry interval has passed, the buckets are shared again.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            http.perform(get("/api/v1/products/7")).andExpect(status().isOk());
            assertThat(storeGauge("redis")).isEqualTo(1);
        });
        http.perform(get("/actuator/health")).andExpect(jsonPath("$.components.rateLimits.details.store").value("redis"));
        assertThat(redis.keys()).contains("tributary:rate:default:ip:127.0.0.1");
    }

    private static MockHttpServletRequestBuilder search() {
        return get("/api/v1/products").param("q", "desk");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private double refused(String policy) {
        var counter = meters.find(RateLimitFilter.REJECTIONS_METRIC).tag("policy", policy).counter();
        return counter == null ? 0 : counter.count();
    }

    private double storeGauge(String store) {
        return meters.get(BucketStore.STORE_METRIC).tag("store", store).gauge().value();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class Api {

        @GetMapping({"/api/v1/products", "/api/v1/products/{id}"})
        String products() {
            return "{}";
        }
    }
}
