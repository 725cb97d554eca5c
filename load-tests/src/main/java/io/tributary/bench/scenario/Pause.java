package io.tributary.bench.scenario;

import java.time.Duration;

/** The pause between two looks at a system the scenarios wait for; an interrupt ends the scenario. */
final class Pause {

    private Pause() {
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
