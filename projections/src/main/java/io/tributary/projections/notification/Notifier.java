package io.tributary.projections.notification;

import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the notification of an event once, however often the event is delivered and whatever the
 * {@link NotificationLog} does meanwhile (the one exception is below). Per mail, in this order:
 * <ol>
 *     <li>the log is asked (for the whole batch at once, before its first mail) whether the event's mail was sent;</li>
 *     <li>the intent is written to the log (with the acceptance of the mail sent before it), and nothing is sent
 *     unless that write succeeded: while the log cannot be written, mail waits;</li>
 *     <li>the mail is handed to the SMTP server;</li>
 *     <li>once accepted, its acceptance is written with the next mail's intent, or when the batch is flushed.</li>
 * </ol>
 * A mail the server accepted whose acceptance could not be written (the store failed just then) is remembered by this
 * instance, so the retry records it instead of sending it again. What remains is the crash of an instance (or the
 * loss of its partitions) between a mail's acceptance and its record: the next delivery finds the intent without an
 * acceptance and sends that mail again. Each listener consumer has at most one such mail at a time, since its next
 * intent carries the acceptance of its predecessor. Every copy carries the same {@code Message-ID} (see
 * {@link MailDelivery}), so a receiving server that de-duplicates shows one. Not sending a mail with an intent but no
 * acceptance would close that window the other way round, losing mail instead.
 */
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationLog notificationLog;
    private final MailDelivery delivery;
    private final Map<NotificationKind, MailTemplate> templates = new EnumMap<>(NotificationKind.class);
    /**
     * Log entries, by event id, of mails the SMTP server accepted whose acceptance is not in the log yet. Shared by the
     * listener consumers, since a retried record may come back to another consumer of this instance.
     */
    private final Map<String, Document> acceptedUnrecorded = new ConcurrentHashMap<>();

    Notifier(NotificationLog notificationLog, MailDelivery delivery) {
        this.notificationLog = notificationLog;
        this.delivery = delivery;
        for (NotificationKind kind : NotificationKind.values()) {
            templates.put(kind, MailTemplate.load(kind.templateResource()));
        }
    }

    /** @param eventIds the batch's events that may send mail, whose log entries are read at once */
    Batch batch(Collection<String> eventIds) {
        Set<String> sent = notificationLog.sentAmong(eventIds);
        // Recorded meanwhile, by whichever instance: nothing left to remember.
        sent.forEach(acceptedUnrecorded::remove);
        return new Batch(sent, delivery.connection());
    }

    /** A batch's mail: one SMTP connection, and the entries of the mails accepted but not yet recorded. */
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
            Document accepted = acceptedUnrecorded.get(event.id());
            if (accepted == null) {
                // Composed first: a mail that cannot be composed leaves no intent behind.
                MimeMessage message = delivery.compose(event.id(), to, templates.get(kind).render(values));
                Document entry = NotificationLog.entry(event, kind, to, delivery.messageId(event.id()));
                notificationLog.recordIntent(entry, unrecorded);
                recorded();
                connection.send(message);
                acceptedUnrecorded.put(event.id(), entry);
                accepted = entry;
                // Per mail only when asked for: the notification log records every mail, the metrics count them.
                log.debug("Sent {} for {} {} (ce_id {})", kind.label(), event.type(), event.subject(), event.id());
            }
            unrecorded.add(accepted);
            alreadySent.add(event.id());
            return WriteOutcome.APPLIED;
        }

        void flush() {
            notificationLog.recordAccepted(unrecorded);
            recorded();
        }

        private void recorded() {
            unrecorded.forEach(entry -> acceptedUnrecorded.remove(entry.getString("_id")));
            unrecorded.clear();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
