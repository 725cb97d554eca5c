package io.tributary.projections.notification;

import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;

/**
 * The notifications' work on one poll of records, applied in order. Mail is handed to the SMTP server as each event
 * is applied, over one connection for the whole batch, each mail once its intent is in the notification log (see
 * {@link Notifier}); the rest of what the batch writes to MongoDB (recipients, orders, the acceptance of its last
 * mail) is kept until {@link #flush()}, which writes it in bulk. {@link #close()} closes the SMTP connection.
 */
interface NotificationBatch extends AutoCloseable {

    WriteOutcome apply(EventEnvelope event);

    /** Writes everything the events applied so far produced; after a failed event, what its predecessors did. */
    void flush();

    @Override
    void close();
}
