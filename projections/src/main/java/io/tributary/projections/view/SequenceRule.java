package io.tributary.projections.view;

import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;

/**
 * The sequence rule both stores follow: event <i>n</i> of an aggregate applies only onto the document at version
 * <i>n</i> − 1. Only the aggregate's first event creates a document, and only an event that creates one may be
 * the first.
 */
final class SequenceRule {

    private SequenceRule() {
    }

    static void requireFirst(EventEnvelope event) {
        if (event.aggregateVersion() != 1) {
            throw new UnreadableEventException(event.type() + " creates " + event.subject()
                    + ", so it must be version 1, not " + event.aggregateVersion());
        }
    }

    static void requireFollowing(EventEnvelope event) {
        if (event.aggregateVersion() == 1) {
            throw new UnreadableEventException(event.type() + " changes " + event.subject()
                    + ", so it cannot be its first event");
        }
    }

    /** @param storedVersion the version the view holds the aggregate at, 0 when it does not hold it */
    static boolean follows(EventEnvelope event, long storedVersion) {
        return storedVersion == event.aggregateVersion() - 1;
    }

    /**
     * What a stored version other than the event's predecessor means.
     *
     * @param storedVersion the version the view holds the aggregate at, 0 when it does not hold it
     * @return {@link WriteOutcome#ALREADY_APPLIED} when the view reflects the event already
     * @throws EventGapException when the view is behind the event's predecessor
     */
    static WriteOutcome notFollowing(ViewVersion view, String id, EventEnvelope event, long storedVersion) {
        if (storedVersion >= event.aggregateVersion()) {
            return WriteOutcome.ALREADY_APPLIED;
        }
        throw new EventGapException(view, id, event.aggregateVersion(), storedVersion);
    }
}
