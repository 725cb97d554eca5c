package io.tributary.chaos;

/**
 * One fault of the run.
 *
 * @param killedAtMillis  when the target got SIGKILL, in milliseconds since the run started
 * @param healthyAtMillis when it was ready again after its restart
 * @param skipped         why the target was not killed, or null
 */
record Fault(Target target, long killedAtMillis, long healthyAtMillis, String skipped) {

    boolean injected() {
        return skipped == null;
    }

    /** Whether a call sent at that moment may have met the outage (or its end, within the margin). */
    boolean covers(long atMillis, long marginMillis) {
        return injected() && atMillis >= killedAtMillis && atMillis <= healthyAtMillis + marginMillis;
    }
}
