package io.tributary.bench.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettlingWarmUpTest {

    @Test
    void roundsGoOnWhileTheRateStillClimbs() {
        Iterator<Double> rates = List.of(663.0, 2_400.0, 2_898.0, 3_000.0, 1.0).iterator();

        SettlingWarmUp warmUp = SettlingWarmUp.run(Duration.ofSeconds(10), rates::next);

        assertThat(warmUp.rates()).containsExactly(663.0, 2_400.0, 2_898.0, 3_000.0);
        assertThat(warmUp.describe()).isEqualTo("4 rounds of 10 s (663, 2,400, 2,898, 3,000 req/s), settled");
    }

    @Test
    void aRateThatNeverSettlesStopsAtTheMostRounds() {
        double[] rate = {100};

        SettlingWarmUp warmUp = SettlingWarmUp.run(Duration.ofSeconds(5), () -> rate[0] *= 2);

        assertThat(warmUp.rates()).hasSize(SettlingWarmUp.MAX_ROUNDS);
        assertThat(warmUp.describe()).endsWith("not settled after 6 rounds");
    }

    @Test
    void aFallWithinTheShareSettlesToo() {
        assertThat(SettlingWarmUp.settled(List.of(1_000.0, 905.0))).isTrue();
        assertThat(SettlingWarmUp.settled(List.of(1_000.0, 899.0))).isFalse();
        assertThat(SettlingWarmUp.settled(List.of(0.0, 0.0))).isFalse();
        assertThat(SettlingWarmUp.settled(List.of(1_000.0))).isFalse();
    }
}
