package io.tributary.projections;

/**
 * A record cannot be applied yet for a reason that says nothing about the record and will pass: a store or the
 * mail server is down, an order's user has not arrived, a rebuild is handing over. Such failures are retried with a
 * capped back-off until they pass, never dead-lettered, and counted under their own {@link #reason()}.
 */
public abstract class WaitItOutException extends RuntimeException {

    protected WaitItOutException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The {@code reason} tag of the failed-attempt metric, e.g. {@code store-unavailable}. */
    public abstract String reason();
}
