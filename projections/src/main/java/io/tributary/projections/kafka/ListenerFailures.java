package io.tributary.projections.kafka;

/** Reading the exceptions a listener container hands to its error handler. */
final class ListenerFailures {

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
