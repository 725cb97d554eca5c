package io.tributary.projections.notification;

import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the notification of an event once, however often the event is delivered: the {@link NotificationLog} is
 * checked before sending and written after the SMTP server accepted the mail, both keyed by the CloudEvent id, which
 * is stable across redelivery and replay. Both happen a batch at a time: the log is read for the whole batch before
 * its first mail, and written in bulk when the batch is flushed, after its mails were accepted.
 * <p>
 * The one window left is a crash (or a lost Mongo connection) after the server accepted a batch's mails and before
 * their log entries are written, and two instances sending the same events during a rebalance: the events are then
 * delivered again and their mails sent a second time. Every copy carries the same {@code Message-ID} (see
 * {@link MailDelivery}), so a receiving server that de-duplicates shows one. Writing the log first would close the
 * window the other way round, losing mail instead; for these notifications a rare duplicate is the lesser harm.
 */
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationLog sent;
    private final MailDelivery delivery;
    private final Map<NotificationKind, MailTemplate> templates = new EnumMap<>(NotificationKind.class);

    Notifier(NotificationLog sent, MailDelivery delivery) {
        this.sent = sent;
        this.delivery = delivery;
        for (NotificationKind kind : NotificationKind.values()) {
            templates.put(kind, MailTemplate.load(kind.templateResource()));
        }
    }

    /** @param eventIds the batch's events that may send mail, whose log entries are read at once */
    Batch batch(Collection<String> eventIds) {
        return new Batch(sent.sentAmong(eventIds), delivery.connection());
    }

    /** A batch's mail: one SMTP connection, and the log entries of what it sent until {@link #flush()}. */
    final class Batch implements AutoCloseable {

        private final Set<String> alreadySent;
        private final SmtpConnection connection;
        private final List<Document> unrecorded = new ArrayList<>();

        private Batch(Set<String> alreadySent, SmtpConnection connection) {
            this.alreadySent = alreadySent;
            this.connection = connection;
        }

        /** @param values the template's placeholders */
        WriteOutcome sendOnce(EventEnvelope event, NotificationKind kind, Recipient to, Map<String, String> values) {
            if (alreadySent.contains(event.id())) {
                return WriteOutcome.ALREADY_APPLIED;
            }
            connection.send(delivery.compose(event.id(), to, templates.get(kind).render(values)));
            alreadySent.add(event.id());
            unrecorded.add(NotificationLog.entry(event, kind, to, delivery.messageId(event.id())));
            // Per mail only when asked for: the notification log records every mail, the metrics count them.
            log.debug("Sent {} for {} {} (ce_id {})", kind.label(), event.type(), event.subject(), event.id());
            return WriteOutcome.APPLIED;
        }

        void flush() {
            sent.record(unrecorded);
            unrecorded.clear();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
