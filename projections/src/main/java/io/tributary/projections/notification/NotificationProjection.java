package io.tributary.projections.notification;

import io.tributary.events.DomainEvent;
import io.tributary.projections.Projection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.WriteOutcome;

/** One topic's part of the notifications: takes the events of one aggregate type, under the group's name. */
abstract class NotificationProjection<E extends DomainEvent> implements Projection {

    private final Class<E> eventType;

    NotificationProjection(Class<E> eventType) {
        this.eventType = eventType;
    }

    @Override
    public final String name() {
        return NotificationListeners.GROUP;
    }

    @Override
    public final WriteOutcome apply(EventEnvelope event) {
        if (!eventType.isInstance(event.data())) {
            throw new UnreadableEventException(event.type() + " is not a " + eventType.getSimpleName());
        }
        return apply(event, eventType.cast(event.data()));
    }

    abstract WriteOutcome apply(EventEnvelope event, E data);
}
