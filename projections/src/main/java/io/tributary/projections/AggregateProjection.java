package io.tributary.projections;

import io.tributary.events.AggregateType;
import io.tributary.events.DomainEvent;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.BatchResult;
import io.tributary.projections.view.View;
import io.tributary.projections.view.WriteOutcome;

import java.util.List;

/**
 * A projection of the events of one aggregate type, of which {@code E} is the sealed event interface, into one
 * view of type {@code V}. Its topic carries only those events; anything else there is refused as unreadable.
 */
public abstract class AggregateProjection<E extends DomainEvent, V extends View> implements Projection {

    private final String name;
    private final AggregateType aggregateType;
    private final Class<E> eventType;
    /** The view {@link #apply(DomainEvent, EventEnvelope)} writes to. */
    protected final V view;

    protected AggregateProjection(String name, AggregateType aggregateType, Class<E> eventType, V view) {
        this.name = name;
        this.aggregateType = aggregateType;
        this.eventType = eventType;
        this.view = view;
    }

    @Override
    public String name() {
        return name;
    }

    /** The view version this projection writes. */
    public V view() {
        return view;
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

    /**
     * Applies {@code events} in order with one bulk read and one bulk write of the view, stopping at the first event
     * that fails; each event has the same effect as through {@link #apply(EventEnvelope)}.
     */
    public BatchResult applyAll(List<EventEnvelope> events) {
        return view.applyAll(events, this::apply);
    }

    /**
     * Rewrites the document of one aggregate from its whole {@code stream}, over whatever the view holds, unless the
     * view holds a newer version of it.
     */
    public WriteOutcome replace(List<EventEnvelope> stream) {
        return view.replace(stream, this::apply);
    }

    /** Applies {@code data}, the payload of {@code event}. */
    protected abstract WriteOutcome apply(E data, EventEnvelope event);
}
