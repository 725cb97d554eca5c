package io.tributary.projections.notification;

import io.tributary.events.user.UserEvent;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;

import java.util.List;
import java.util.Map;

/**
 * The user side of the notifications: keeps every user's current name and address for later notifications, and
 * welcomes a new user at the address they registered with. The recipient is recorded before the welcome is sent (a
 * batch flushes its recipients also when a welcome fails), so a welcome that fails does not keep the address from the
 * user's later notifications.
 */
class WelcomeNotifications extends NotificationProjection<UserEvent> {

    private final RecipientDirectory recipients;
    private final Notifier notifier;

    WelcomeNotifications(RecipientDirectory recipients, Notifier notifier) {
        super(UserEvent.class);
        this.recipients = recipients;
        this.notifier = notifier;
    }

    @Override
    NotificationBatch begin(List<EventEnvelope> events) {
        RecipientDirectory.Writes directory = recipients.writes(subjects(events));
        Notifier.Batch mail = notifier.batch(events.stream()
                .filter(event -> event.data() instanceof UserRegistered).map(EventEnvelope::id).toList());
        return new NotificationBatch() {
            @Override
            public WriteOutcome apply(EventEnvelope event) {
                return welcome(directory, mail, event, data(event));
            }

            @Override
            public void send() {
                mail.send();
            }

            @Override
            public void flush() {
                mail.flush();
                directory.flush();
            }

            @Override
            public void close() {
                mail.close();
            }
        };
    }

    private static WriteOutcome welcome(RecipientDirectory.Writes directory, Notifier.Batch mail, EventEnvelope event,
                                        UserEvent user) {
        WriteOutcome recorded = directory.apply(user, event.aggregateVersion());
        if (!(user instanceof UserRegistered registered)) {
            return recorded;
        }
        WriteOutcome welcomed = mail.sendOnce(event, NotificationKind.WELCOME,
                new Recipient(registered.name(), registered.email()),
                Map.of("name", registered.name(), "email", registered.email()));
        return recorded == WriteOutcome.APPLIED || welcomed == WriteOutcome.APPLIED
                ? WriteOutcome.APPLIED
                : WriteOutcome.ALREADY_APPLIED;
    }
}
