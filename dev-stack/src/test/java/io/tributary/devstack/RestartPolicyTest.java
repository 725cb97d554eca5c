package io.tributary.devstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules for restarting a crashed service, checked without processes and without waiting. */
class RestartPolicyTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void theLocalRunWaitsTwiceAsLongAfterEachFailureInARowUpToHalfAMinute() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(RestartPolicy.LOCAL_RUN::delayAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aServiceThatRanForAWhileStartsTheBackOffAfresh() {
        RestartHistory history = new RestartHistory(RestartPolicy.LOCAL_RUN);
        history.up(0);
        history.failed(5 * SECOND);
        history.failed(7 * SECOND);
        history.up(12 * SECOND);

        assertThat(history.failed(72 * SECOND)).contains(Duration.ofSeconds(1));
    }

    @Test
    void aShortRunDoesNotResetTheBackOff() {
        RestartHistory history = new RestartHistory(RestartPolicy.LOCAL_RUN);
        history.up(0);
        history.failed(5 * SECOND);
        history.up(7 * SECOND);

        assertThat(history.failed(30 * SECOND)).contains(Duration.ofSeconds(2));
    }

    @Test
    void theFifthFailureWithinTwoMinutesGivesUp() {
        RestartHistory history = new RestartHistory(RestartPolicy.LOCAL_RUN);
        history.up(0);
        for (int failure = 1; failure <= 4; failure++) {
            assertThat(history.failed(failure * 20 * SECOND)).isPresent();
        }

        assertThat(history.failed(100 * SECOND)).isEmpty();
    }

    @Test
    void failuresFurtherApartThanTheWindowNeverGiveUp() {
        RestartHistory history = new RestartHistory(RestartPolicy.LOCAL_RUN);
        history.up(0);
        for (int failure = 1; failure <= 20; failure++) {
            assertThat(history.failed(failure * 31 * SECOND)).isPresent();
        }
    }
}
