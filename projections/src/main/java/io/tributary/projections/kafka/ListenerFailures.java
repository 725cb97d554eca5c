package io.tributary.projections.kafka;

import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.EventGapException;

/** Reading the exceptions a listener container hands to its error handler. */
final class ListenerFailures {

    static final String UNREADABLE = "unreadable";
    static final String GAP = "gap";
    static final String RETRIES_EXHAUSTED = "retries-exhausted";

    private ListenerFailures() {
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Why a record is dead-lettered: the label of the {@code reason} tag and of the log line. */
    static String reason(Throwable failure) {
        if (causedBy(failure, UnreadableEventException.class)) {
            return UNREADABLE;
        }
        return causedBy(failure, EventGapException.class) ? GAP : RETRIES_EXHAUSTED;
    }

    /** The container wraps what the listener threw; that is the interesting message. */
    static String listenerMessage(Throwable failure) {
        return failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
    }

    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
