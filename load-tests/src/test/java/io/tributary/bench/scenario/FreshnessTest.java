package io.tributary.bench.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessTest {

    @Test
    void pollsWaitATenthOfTheTimeWaitedWithinTheirBounds() {
        Duration first = Duration.ofMillis(2);
        assertThat(Freshness.nextPoll(first, Duration.ZERO)).isEqualTo(first);
        assertThat(Freshness.nextPoll(first, Duration.ofMillis(15))).isEqualTo(first);
        assertThat(Freshness.nextPoll(first, Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(30));
        assertThat(Freshness.nextPoll(first, Duration.ofSeconds(20))).isEqualTo(Duration.ofMillis(500));
    }
}
