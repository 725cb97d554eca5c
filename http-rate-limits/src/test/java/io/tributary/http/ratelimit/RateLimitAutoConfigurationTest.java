package io.tributary.http.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitAutoConfigurationTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RateLimitAutoConfiguration.class, RedisAutoConfiguration.class,
                    JacksonAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void withoutARedisUrlTheBucketsAreLocalAndTheHealthSaysSo() {
        service.run(context -> {
            assertThat(context).hasSingleBean(BucketStore.class).hasBean("rateLimitFilter");
            assertThat(context.getBean(BucketStore.class).usesRedis()).isFalse();
            assertThat(context.getBean(RateLimitsHealthIndicator.class).health().getDetails())
                    .containsEntry("store", "local (no Redis configured)");
        });
    }

    @Test
    void withRedisDownAtStartTheServiceStartsAndCountsLocally() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        service.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + closedPort,
                        "spring.data.redis.connect-timeout=250ms", "spring.data.redis.timeout=250ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RateLimitsHealthIndicator.class).health().getDetails().get("store"))
                            .isIn("local (connecting to Redis)", "local (Redis unreachable)");
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                            context.getBean(RateLimitsHealthIndicator.class).health().getDetails().get("store")
                                    .equals("local (Redis unreachable)"));
                    assertThat(context.getBean(MeterRegistry.class).get(BucketStore.STORE_METRIC).tag("store", "local")
                            .gauge().value()).isEqualTo(1);
                });
    }

    @Test
    void switchedOffNoRequestIsLimited() {
        service.withPropertyValues("tributary.rate-limits.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(BucketStore.class)
                        .doesNotHaveBean(RateLimitsHealthIndicator.class));
    }
}
