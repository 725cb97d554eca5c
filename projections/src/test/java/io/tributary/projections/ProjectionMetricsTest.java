package io.tributary.projections;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProjectionMetrics metrics = new ProjectionMetrics(registry, List.of(projection("users-mongo-view")),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anAppliedEventCountsHowLongAfterItsRecordingItWasApplied() {
        metrics.handled("users-mongo-view", recordedAt(NOW.minusMillis(40), 7), WriteOutcome.APPLIED);
        metrics.handled("users-mongo-view", recordedAt(NOW.minusMillis(10), 8), WriteOutcome.APPLIED);

        Timer delay = delay("users-mongo-view");
        assertThat(delay.count()).isEqualTo(2);
        assertThat(delay.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
        assertThat(delay.max(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(registry.get(ProjectionMetrics.EVENTS).tag("outcome", "applied").counter().count()).isEqualTo(2);
        assertThat(metrics.position("users-mongo-view")).isEqualTo(8);
    }

    @Test
    void anEventTheViewAlreadyHeldIsCountedButAddsNoDelay() {
        metrics.handled("users-mongo-view", recordedAt(NOW.minusSeconds(3_600), 7), WriteOutcome.ALREADY_APPLIED);

        assertThat(delay("users-mongo-view").count()).isZero();
        assertThat(registry.get(ProjectionMetrics.EVENTS).tag("outcome", "already-applied").counter().count())
                .isEqualTo(1);
    }

    @Test
    void anEventStampedByAClockAheadOfThisOneCountsAsNoDelay() {
        metrics.handled("users-mongo-view", recordedAt(NOW.plusMillis(5), 7), WriteOutcome.APPLIED);

        assertThat(delay("users-mongo-view").count()).isEqualTo(1);
        assertThat(delay("users-mongo-view").totalTime(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void everyProjectionHasItsDelayBeforeItsFirstEvent() {
        assertThat(delay("users-mongo-view").count()).isZero();
    }

    private Timer delay(String projection) {
        return registry.get(ProjectionMetrics.DELAY).tag("projection", projection).timer();
    }

    private static EventEnvelope recordedAt(Instant time, long position) {
        return new EventEnvelope("event-" + position, "io.tributary.user.registered.v1", "user-1", time, 1, position,
                null, null);
    }

    private static Projection projection(String name) {
        return new Projection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public WriteOutcome apply(EventEnvelope event) {
                return WriteOutcome.APPLIED;
            }
        };
    }
}
