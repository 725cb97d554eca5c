package io.tributary.projections.progress;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ViewLagReadinessTest {

    private final ViewLagReadiness readiness = new ViewLagReadiness(List.of("users-mongo-view", "orders-search-view"),
            Duration.ofSeconds(30));

    @Test
    void aViewBeyondTheLimitAtTwoChecksInARowMakesTheServiceNotReady() {
        readiness.update(lag("users-mongo-view", 31));
        assertThat(readiness.health().getStatus()).as("one check may have caught the first record after a quiet spell")
                .isEqualTo(Status.UP);

        readiness.update(lag("users-mongo-view", 36));

        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(readiness.health().getDetails()).containsEntry("limitSeconds", 30.0)
                .containsEntry("users-mongo-view", Map.of("secondsBehind", 36.0, "eventsBehind", 10L))
                .doesNotContainKey("orders-search-view");
    }

    @Test
    void checksWithinTheLimitInBetweenStartTheCountAgain() {
        readiness.update(lag("users-mongo-view", 31));
        readiness.update(lag("users-mongo-view", 2));
        readiness.update(lag("users-mongo-view", 31));

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void readyAgainOnlyOnceEveryViewIsWithinHalfTheLimit() {
        readiness.update(lag("users-mongo-view", 40));
        readiness.update(lag("users-mongo-view", 40));

        readiness.update(lag("users-mongo-view", 20));
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        readiness.update(lag("users-mongo-view", 15));
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anUnknownLagChangesNothing() {
        readiness.update(lag("users-mongo-view", 40));
        readiness.update(lag("users-mongo-view", 40));
        readiness.update(lag("users-mongo-view", -1));
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        readiness.update(lag("users-mongo-view", 0));
        readiness.update(lag("users-mongo-view", -1));
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void whatIsNotAViewNeverCounts() {
        readiness.update(lag("notifications", 3600));
        readiness.update(lag("notifications", 3600));

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    private static Map<String, ProjectionProgress.Snapshot> lag(String projection, double secondsBehind) {
        return Map.of(projection, new ProjectionProgress.Snapshot(100, null, secondsBehind < 0 ? -1 : 10, secondsBehind));
    }
}
