package io.tributary.projections.notification;

import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;

/**
 * Sends the notification of an event once, however often the event is delivered: the {@link NotificationLog} is
 * checked before sending and written after the SMTP server accepted the mail, both keyed by the CloudEvent id, which
 * is stable across redelivery and replay.
 * <p>
 * The one window left is a crash (or a lost Mongo connection) after the server accepted the mail and before the log
 * entry is written, and two instances sending the same event during a rebalance: the event is then delivered again
 * and the mail sent a second time. Both copies carry the same {@code Message-ID} (see {@link MailDelivery}), so a
 * receiving server that de-duplicates shows one. Writing the log first would close the window the other way round,
 * losing the mail instead; for these notifications a rare duplicate is the lesser harm.
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

    /** @param values the template's placeholders */
    WriteOutcome sendOnce(EventEnvelope event, NotificationKind kind, Recipient to, Map<String, String> values) {
        if (sent.contains(event.id())) {
            return WriteOutcome.ALREADY_APPLIED;
        }
        delivery.send(event.id(), to, templates.get(kind).render(values));
        sent.recordSent(event, kind, to, delivery.messageId(event.id()));
        log.info("Sent {} for {} {} (ce_id {})", kind.label(), event.type(), event.subject(), event.id());
        return WriteOutcome.APPLIED;
    }
}
