package io.tributary.projections.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/** An event's span, current on this thread until it is ended; see {@link RecordTraces}. */
public final class RecordScope {

    /** No span: the event's trace is not followed. */
    static final RecordScope NONE = new RecordScope(null, null);

    private final Span span;
    private final Tracer.SpanInScope inScope;

    RecordScope(Span span, Tracer.SpanInScope inScope) {
        this.span = span;
        this.inScope = inScope;
    }

    /** @param outcome what became of the event, e.g. {@code applied} or {@code ignored} */
    public void end(String outcome) {
        if (span != null) {
            span.tag("tributary.outcome", outcome);
            inScope.close();
            span.end();
        }
    }

    public void failed(Throwable failure) {
        if (span != null) {
            span.error(failure);
            inScope.close();
            span.end();
        }
    }
}
