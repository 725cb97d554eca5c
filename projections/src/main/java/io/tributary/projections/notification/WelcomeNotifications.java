package io.tributary.projections.notification;

import io.tributary.events.user.UserEvent;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.Projection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.WriteOutcome;

import java.util.Map;

/**
 * The user side of the notifications: keeps every user's current name and address for later notifications, and
 * welcomes a new user at the address they registered with. The recipient is recorded before the welcome is sent, so
 * an SMTP outage does not hold back the orders of a user waiting for their welcome.
 */
class WelcomeNotifications implements Projection {

    private final RecipientDirectory recipients;
    private final Notifier notifier;

    WelcomeNotifications(RecipientDirectory recipients, Notifier notifier) {
        this.recipients = recipients;
        this.notifier = notifier;
    }

    @Override
    public String name() {
        return NotificationListeners.GROUP;
    }

    @Override
    public WriteOutcome apply(EventEnvelope event) {
        if (!(event.data() instanceof UserEvent user)) {
            throw new UnreadableEventException(event.type() + " is not a user event");
        }
        WriteOutcome recorded = recipients.apply(user, event.aggregateVersion());
        if (!(user instanceof UserRegistered registered)) {
            return recorded;
        }
        WriteOutcome welcomed = notifier.sendOnce(event, NotificationKind.WELCOME,
                new Recipient(registered.name(), registered.email()),
                Map.of("name", registered.name(), "email", registered.email()));
        return recorded == WriteOutcome.APPLIED ? recorded : welcomed;
    }
}
