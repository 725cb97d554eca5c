package io.tributary.query.warmup;

import io.tributary.query.support.QueryApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up reaches every layer of a read, within its rate limits, and readiness turns on only after it. */
class WarmUpIT extends QueryApiIT {

    @DynamicPropertySource
    static void warmUp(DynamicPropertyRegistry registry) {
        registry.add("tributary.warm-up.enabled", () -> "true");
        // As configured: the warm-up's searches must stay within its own address's search limit.
        registry.add("tributary.rate-limits.enabled", () -> "true");
        registry.add("tributary.rate-limits.key-prefix", () -> "tributary:rate:test-" + UUID.randomUUID() + ":");
    }

    @Autowired
    WarmUp warmUp;
    @Autowired
    ReadinessWitness readiness;

    @Test
    void everyLayerAnsweredBeforeTheInstanceWasReady() {
        Map<String, Integer> expected = Map.of(
                "/api/v1/products/00000000-0000-4000-8000-000000000000", 404,
                "/api/v1/products?q=warm-up", 200,
                "/api/v1/products/suggest?prefix=wa", 200,
                "/api/v1/orders/00000000-0000-4000-8000-000000000000", 401);
        assertThat(WarmUp.PROBES).extracting(WarmUp.Probe::path).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(readiness.statusesWhenReady.get()).isEqualTo(expected);
        assertThat(warmUp.lastStatuses()).isEqualTo(expected);
    }

    @TestConfiguration
    static class Witness {

        @Bean
        ReadinessWitness readinessWitness(WarmUp warmUp) {
            return new ReadinessWitness(warmUp);
        }
    }

    /** What the warm-up had answered when readiness turned on. */
    static final class ReadinessWitness implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

        private final WarmUp warmUp;
        final AtomicReference<Map<String, Integer>> statusesWhenReady = new AtomicReference<>();

        ReadinessWitness(WarmUp warmUp) {
            this.warmUp = warmUp;
        }

        @Override
        public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                statusesWhenReady.compareAndSet(null, warmUp.lastStatuses());
            }
        }
    }
}
