package io.tributary.projections.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.envelope.EventEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real OpenTelemetry SDK, sampling as a service does: following the parent's decision. */
class RecordTracesTest {

    private static final String TRACE_ID = "4d4ee7095eee69db8608e4fdc3c78926";
    private static final String PARENT_SPAN_ID = "bbb3fda01844fc99";
    private static final String SAMPLED = "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01";
    private static final String NOT_SAMPLED = "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-00";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.alwaysOff()))
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final RecordTraces traces = new RecordTraces(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aSampledEventGetsAChildSpanOfItsCommandCurrentUntilItEnds() {
        Instant batchStarted = Instant.now().minusMillis(40);

        RecordScope scope = traces.open("users-mongo-view", event(SAMPLED),
                ChronoUnit.MICROS.between(Instant.EPOCH, batchStarted), false);
        assertThat(tracer.currentSpan().context().traceId()).isEqualTo(TRACE_ID);
        scope.end("applied");

        assertThat(tracer.currentSpan()).as("no longer current").isNull();
        SpanData span = exported.getFinishedSpanItems().getFirst();
        assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(span.getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
        assertThat(span.getName()).isEqualTo("users-mongo-view");
        assertThat(span.getAttributes().asMap().toString()).contains("tributary.outcome=applied", "event-1");
        assertThat(span.getStartEpochNanos())
                .isEqualTo(TimeUnit.MICROSECONDS.toNanos(ChronoUnit.MICROS.between(Instant.EPOCH, batchStarted)));
    }

    @Test
    void anEventWhoseTraceIsNotSampledGetsNoSpanUnlessItIsLogged() {
        RecordScope quiet = traces.open("users-mongo-view", event(NOT_SAMPLED), false);
        assertThat(quiet).isSameAs(RecordScope.NONE);
        assertThat(tracer.currentSpan()).isNull();

        RecordScope logged = traces.open("users-mongo-view", event(NOT_SAMPLED), true);
        assertThat(tracer.currentSpan().context().traceId()).as("log lines carry the trace id").isEqualTo(TRACE_ID);
        logged.end("applied");

        assertThat(exported.getFinishedSpanItems()).as("nothing recorded").isEmpty();
    }

    @Test
    void anEventWithoutTraceGetsNoSpan() {
        assertThat(traces.open("users-mongo-view", event(null), true)).isSameAs(RecordScope.NONE);
    }

    @Test
    void aFailureIsRecordedOnTheSpan() {
        traces.open("notifications", event(SAMPLED), false).failed(new IllegalStateException("SMTP refused"));

        SpanData span = exported.getFinishedSpanItems().getFirst();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
    }

    @Test
    void readsTheSampledFlagOfVersion00() {
        assertThat(RecordTraces.sampled(SAMPLED)).isTrue();
        assertThat(RecordTraces.sampled(NOT_SAMPLED)).isFalse();
        assertThat(RecordTraces.sampled(SAMPLED.replace("-01", "-03"))).isTrue();
        assertThat(RecordTraces.sampled(SAMPLED + "-extra")).isFalse();
    }

    private static EventEnvelope event(String traceparent) {
        return new EventEnvelope("event-1", "io.tributary.user.registered.v1", "user-1", Instant.now(), 1, 7,
                traceparent, new UserRegistered("user-1", "Ada", "ada@example.com"));
    }
}
