package io.tributary.projections.notification;

import io.tributary.events.DomainEvent;
import io.tributary.projections.Projection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.WriteOutcome;

import java.util.List;

/**
 * One topic's part of the notifications: takes the events of one aggregate type, under the group's name, a poll at a
 * time (see {@link NotificationBatches}).
 */
abstract class NotificationProjection<E extends DomainEvent> implements Projection {

    private final Class<E> eventType;

    NotificationProjection(Class<E> eventType) {
        this.eventType = eventType;
    }

    @Override
    public final String name() {
        return NotificationListeners.GROUP;
    }

    /** A single event is a batch of one. */
    @Override
    public final WriteOutcome apply(EventEnvelope event) {
        try (NotificationBatch batch = begin(List.of(event))) {
            try {
                WriteOutcome outcome = batch.apply(event);
                batch.send();
                return outcome;
            } catch (UndeliveredMailException e) {
                throw e.getCause();
            } finally {
                batch.flush();
            }
        }
    }

    /**
     * Starts the work on {@code events}, reading in bulk what applying them will need.
     *
     * @param events the batch's readable events, in the order they are to be applied
     */
    abstract NotificationBatch begin(List<EventEnvelope> events);

    final E data(EventEnvelope event) {
        if (!eventType.isInstance(event.data())) {
            throw new UnreadableEventException(event.type() + " is not a " + eventType.getSimpleName());
        }
        return eventType.cast(event.data());
    }

    /** The ids of the aggregates of {@code events}. */
    static List<String> subjects(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::subject).distinct().toList();
    }
}
