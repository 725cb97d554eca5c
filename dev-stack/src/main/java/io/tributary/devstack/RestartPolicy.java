package io.tributary.devstack;

import java.time.Duration;

/**
 * When a crashed service is started again, and when its supervisor stops trying.
 *
 * @param firstDelay  the wait before the first restart after a crash; doubled for each further failure in a row
 * @param maxDelay    the longest wait between restarts
 * @param stableAfter how long a service must have run for its next crash to start the back-off at {@code firstDelay} again
 * @param maxFailures this many failures (crashes, or restarts that did not come up) within {@code window} and the
 *                    supervisor gives up on the service
 * @param window      see {@code maxFailures}
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stableAfter, int maxFailures, Duration window) {

    /**
     * The local run's: restarts after 1, 2, 4, 8, 16 s, then every 30 s; a service that ran for a minute starts at
     * 1 s again; five failures within two minutes, for instance a service that dies while starting, end the retries.
     */
    static final RestartPolicy LOCAL_RUN = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1), 5, Duration.ofMinutes(2));

    RestartPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxFailures < 1) {
            throw new IllegalArgumentException("needs 0 <= firstDelay <= maxDelay and maxFailures >= 1");
        }
    }

    /** The wait before the next start, after {@code failuresInARow} failures (1 for the first). */
    Duration delayAfter(int failuresInARow) {
        Duration delay = firstDelay;
        for (int failure = 1; failure < failuresInARow && delay.compareTo(maxDelay) < 0; failure++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }
}
