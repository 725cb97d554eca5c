package io.tributary.projections.kafka;

import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.EventGapException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;

/** Reading the exceptions a listener container hands to its error handler. */
final class ListenerFailures {

    static final String UNREADABLE = "unreadable";
    static final String GAP = "gap";
    static final String RETRIES_EXHAUSTED = "retries-exhausted";

    private ListenerFailures() {
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    /** The first of the failure's causes (itself included) of that type, or {@code null}. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Why a record is dead-lettered: the label of the {@code reason} tag and of the log line. */
    static String reason(Throwable failure) {
        if (causedBy(failure, UnreadableEventException.class)) {
            return UNREADABLE;
        }
        return causedBy(failure, EventGapException.class) ? GAP : RETRIES_EXHAUSTED;
    }

    /**
     * A batch listener wraps a record's failure in a {@link BatchListenerFailedException} that names the record;
     * without that wrapper the failure reads as a record listener's does, so dead letters carry the same headers
     * ({@code kafka_dlt-exception-cause-fqcn} is the failure's own type) whichever listener gave up on them.
     */
    static Exception withoutBatchWrapper(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException batch && batch.getCause() != null) {
                String groupId = failure instanceof ListenerExecutionFailedException listener
                        ? listener.getGroupId()
                        : KafkaUtils.getConsumerGroupId();
                return new ListenerExecutionFailedException(batch.getCause().getMessage(), groupId, batch.getCause());
            }
        }
        return failure;
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
