package io.tributary.devstack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The failures of one supervised service and what its {@link RestartPolicy} makes of them. Times are
 * {@link System#nanoTime()} readings, passed in so that the rules can be tested without waiting.
 */
final class RestartHistory {

    private final RestartPolicy policy;
    private final Deque<Long> failuresInWindow = new ArrayDeque<>();
    private int failuresInARow;
    private boolean up;
    private long upSince;

    RestartHistory(RestartPolicy policy) {
        this.policy = policy;
    }

    /** The service reported UP. */
    void up(long now) {
        up = true;
        upSince = now;
    }

    /**
     * The service crashed, or a restart did not come up.
     *
     * @return the wait before the next start, or empty when the policy gives up
     */
    Optional<Duration> failed(long now) {
        if (up && now - upSince >= policy.stableAfter().toNanos()) {
            failuresInARow = 0;
        }
        up = false;
        failuresInARow++;
        failuresInWindow.addLast(now);
        while (now - failuresInWindow.peekFirst() > policy.window().toNanos()) {
            failuresInWindow.removeFirst();
        }
        if (failuresInWindow.size() >= policy.maxFailures()) {
            return Optional.empty();
        }
        return Optional.of(policy.delayAfter(failuresInARow));
    }
}
