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
 * {@link NotificationLog} does meanwhile (the one exception is below). A batch composes its mails as its events are
 * applied and hands them over in {@link Batch#send()}, in order, up to {@code mailsPerLogWrite} at a time:
 * <ol>
 *     <li>the log is asked (for the whole batch at once, before its first mail) whether the event's mail was sent;</li>
 *     <li>the intents of the next mails are written to the log (with the acceptance of the mails sent before them),
 *     and none of them is sent unless that write succeeded: while the log cannot be written, mail waits;</li>
 *     <li>the mails are handed to the SMTP server, one after another;</li>
 *     <li>once accepted, their acceptance is written with the next mails' intents, or when the batch is flushed.</li>
 * </ol>
 * A mail the server accepted whose acceptance could not be written (the store failed just then) is remembered by this
 * instance, so the retry records it instead of sending it again. What remains is the crash of an instance (or the
 * loss of its partitions) between a mail's acceptance and its record: the next delivery finds the intent without an
 * acceptance and sends that mail again. Each listener consumer has at most {@code mailsPerLogWrite} such mails at a
 * time, since the next intents carry the acceptance of their predecessors. Every copy carries the same
 * {@code Message-ID} (see {@link MailDelivery}), so a receiving server that de-duplicates shows one. Not sending a
 * mail with an intent but no acceptance would close that window the other way round, losing mail instead.
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
    private final int mailsPerLogWrite;

    /** @param mailsPerLogWrite mails whose intents are written at once: fewer writes, more mails a crash may repeat */
    Notifier(NotificationLog notificationLog, MailDelivery delivery, int mailsPerLogWrite) {
        if (mailsPerLogWrite < 1) {
            throw new IllegalArgumentException("mails per log write must be at least 1, not " + mailsPerLogWrite);
        }
        this.notificationLog = notificationLog;
        this.delivery = delivery;
        this.mailsPerLogWrite = mailsPerLogWrite;
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

    /**
     * A batch's mail: one SMTP connection, the mails composed but not yet handed over, and the entries of the mails
     * accepted but not yet recorded.
     */
    final class Batch implements AutoCloseable {

        private final Set<String> alreadySent;
        private final SmtpConnection connection;
        private final List<Mail> composed = new ArrayList<>();
        private final List<Document> unrecorded = new ArrayList<>();

        private Batch(Set<String> alreadySent, SmtpConnection connection) {
            this.alreadySent = alreadySent;
            this.connection = connection;
        }

        /**
         * Composes the event's mail, to go out with the batch's others in {@link #send()}; nothing if it was sent.
         *
         * @param values the template's placeholders
         */
        WriteOutcome sendOnce(EventEnvelope event, NotificationKind kind, Recipient to, Map<String, String> values) {
            if (!alreadySent.add(event.id())) {
                return WriteOutcome.ALREADY_APPLIED;
            }
            Document accepted = acceptedUnrecorded.get(event.id());
            if (accepted != null) {
                unrecorded.add(accepted);
            } else {
                // Composed now: a mail that cannot be composed fails its own event and leaves no intent behind.
                composed.add(new Mail(event, kind, delivery.compose(event.id(), to, templates.get(kind).render(values)),
                        NotificationLog.entry(event, kind, to, delivery.messageId(event.id()))));
            }
            return WriteOutcome.APPLIED;
        }

        /**
         * Hands the composed mails to the SMTP server in order, each once its intent is logged.
         *
         * @throws UndeliveredMailException naming the first event whose mail did not go out; those before it did
         */
        void send() {
            try {
                for (int from = 0; from < composed.size(); from += mailsPerLogWrite) {
                    List<Mail> mails = composed.subList(from, Math.min(from + mailsPerLogWrite, composed.size()));
                    logIntents(mails);
                    for (Mail mail : mails) {
                        deliver(mail);
                    }
                }
            } finally {
                composed.clear();
            }
        }

        void flush() {
            notificationLog.recordAccepted(unrecorded);
            recorded();
        }

        private void logIntents(List<Mail> mails) {
            try {
                notificationLog.recordIntents(mails.stream().map(Mail::entry).toList(), unrecorded);
            } catch (RuntimeException e) {
                throw new UndeliveredMailException(mails.getFirst().event().id(), e);
            }
            recorded();
        }

        private void deliver(Mail mail) {
            try {
                connection.send(mail.message());
            } catch (RuntimeException e) {
                throw new UndeliveredMailException(mail.event().id(), e);
            }
            acceptedUnrecorded.put(mail.event().id(), mail.entry());
            unrecorded.add(mail.entry());
            // Per mail only when asked for: the notification log records every mail, the metrics count them.
            log.debug("Sent {} for {} {} (ce_id {})", mail.kind().label(), mail.event().type(), mail.event().subject(),
                    mail.event().id());
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

    private record Mail(EventEnvelope event, NotificationKind kind, MimeMessage message, Document entry) {
    }
}
