package io.tributary.projections.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.tributary.events.CloudEventHeaders;
import io.tributary.projections.envelope.EventEnvelope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Continues the trace an event's record carries (its W3C {@code traceparent}, from the command that produced it)
 * for the work done on that event: a child span per event, current while the caller works and logs, so that log
 * lines carry the command's trace id. Listeners take records in batches; the spans of a batch's events are siblings
 * in their own traces, each covering the event's share of the batch.
 *
 * <p>Pipelines run thousands of events a second, and most traces are not sampled: an event whose trace is not
 * sampled gets no span at all, unless the caller is about to log for it.
 */
@Component
public class RecordTraces {

    private static final int TRACEPARENT_LENGTH = 55; // version 00: 00-<32 hex>-<16 hex>-<2 hex flags>

    private final Tracer tracer;
    private final Propagator propagator;

    /** Without a propagator (tracing switched off) no event's trace is continued. */
    @Autowired
    public RecordTraces(Tracer tracer, ObjectProvider<Propagator> propagator) {
        this(tracer, propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    public RecordTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** A span starting now; see {@link #open(String, EventEnvelope, long, boolean)}. */
    public RecordScope open(String name, EventEnvelope event, boolean logging) {
        return open(name, event, 0, logging);
    }

    /**
     * The event's span, current on this thread until the scope is ended.
     *
     * @param name          what works on the event, e.g. the projection's name
     * @param startedMicros when the work on the event began (microseconds since the epoch), or 0 for now
     * @param logging       whether the caller logs for the event while the scope is open, so needs its trace ids
     * @return {@link RecordScope#NONE} when the event carries no trace, or its trace is not sampled and nothing is
     * logged
     */
    public RecordScope open(String name, EventEnvelope event, long startedMicros, boolean logging) {
        String traceparent = event.traceparent();
        if (traceparent == null || !(logging || sampled(traceparent))) {
            return RecordScope.NONE;
        }
        Span.Builder builder = propagator.extract(traceparent,
                        (carrier, key) -> CloudEventHeaders.TRACEPARENT.equals(key) ? carrier : null)
                .name(name)
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.message.id", event.id())
                .tag("tributary.event.type", event.type())
                .tag("tributary.event.subject", event.subject())
                .tag("tributary.event.position", event.position());
        if (startedMicros > 0) {
            builder.startTimestamp(startedMicros, TimeUnit.MICROSECONDS);
        }
        Span span = builder.start();
        return new RecordScope(span, tracer.withSpan(span));
    }

    /** The sampled flag of a version 00 {@code traceparent}, read without parsing the rest. */
    static boolean sampled(String traceparent) {
        return traceparent.length() == TRACEPARENT_LENGTH
                && (Character.digit(traceparent.charAt(TRACEPARENT_LENGTH - 1), 16) & 1) == 1;
    }
}
