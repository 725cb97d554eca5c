package io.tributary.projections.notification;

import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;

/**
 * The notifications' work on one poll of records, applied in order. Applying an event composes its mail;
 * {@link #send()} hands the mails to the SMTP server in the same order, over one connection for the whole batch, each
 * once its intent is in the notification log (see {@link Notifier}); the rest of what the batch writes to MongoDB
 * (recipients, orders, the acceptance of its last mails) is kept until {@link #flush()}, which writes it in bulk.
 * {@link #close()} closes the SMTP connection.
 */
interface NotificationBatch extends AutoCloseable {

    WriteOutcome apply(EventEnvelope event);

    /**
     * Sends the mail of the events applied so far.
     *
     * @throws UndeliveredMailException naming the first event whose mail did not go out; those before it did
     */
    void send();

    /** Writes everything the events applied so far produced; after a failed event, what its predecessors did. */
    void flush();

    @Override
    void close();
}
