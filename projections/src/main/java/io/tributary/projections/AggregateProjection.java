package io.tributary.projections;

import io.tributary.events.AggregateType;
import io.tributary.events.DomainEvent;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.WriteOutcome;

/**
 * A projection of the events of one aggregate type, of which {@code E} is the sealed event interface. Its
 * topic carries only those events; anything else there is refused as unreadable.
 */
public abstract class AggregateProjection<E extends DomainEvent> implements Projection {

    private final String name;
    private final AggregateType aggregateType;
    private final Class<E> eventType;

    protected AggregateProjection(String name, AggregateType aggregateType, Class<E> eventType) {
        this.name = name;
        this.aggregateType = aggregateType;
        this.eventType = eventType;
    }

    @Override
    public String name() {
        return name;
    }

    /** Whose events this projection takes; its listener consumes that aggregate type's topic. */
    public AggregateType aggregateType() {
        return aggregateType;
    }

    @Override
    public WriteOutcome apply(EventEnvelope event) {
        if (!eventType.isInstance(event.data())) {
            throw new UnreadableEventException(event.type() + " is not a " + aggregateType.label() + " event");
        }
        return apply(eventType.cast(event.data()), event);
    }

    /** Applies {@code data}, the payload of {@code event}. */
    protected abstract WriteOutcome apply(E data, EventEnvelope event);
}
