package io.tributary.chaos;

/**
 * One HTTP exchange of the load as the client saw it.
 *
 * @param service    the service asked
 * @param status     the status code, or {@link #NO_ANSWER} when the connection failed or was reset
 * @param retryAfter whether the answer carried {@code Retry-After}
 * @param atMillis   when it was sent, in milliseconds since the run started
 */
record Call(Target service, int status, boolean retryAfter, String body, long atMillis) {

    static final int NO_ANSWER = -1;

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** An answer that says "not now": no answer at all, or a 503; a command is retried with the same key. */
    boolean unavailable() {
        return status == NO_ANSWER || status == 502 || status == 503 || status == 504;
    }

    /**
     * A 5xx that the run fails on: every 5xx but a 503 with {@code Retry-After}, which is the documented answer
     * while a store is down (and for a short while after it is back, until the circuit breaker tries again).
     */
    boolean forbiddenServerError() {
        return status >= 500 && !(status == 503 && retryAfter);
    }
}
