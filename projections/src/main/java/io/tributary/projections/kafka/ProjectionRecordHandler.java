package io.tributary.projections.kafka;

import io.tributary.projections.Projection;
import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.rebuild.LiveProjection;
import io.tributary.projections.tracing.RecordScope;
import io.tributary.projections.tracing.RecordTraces;
import io.tributary.projections.view.BatchResult;
import io.tributary.projections.view.WriteOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What every projection listener does with its records: decode the CloudEvents, apply them, record progress.
 * Failures propagate to the container's error handler; offsets are committed only after this returns.
 */
@Component
public class ProjectionRecordHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRecordHandler.class);

    private final EnvelopeParser parser;
    private final ProjectionMetrics metrics;
    private final RecordTraces traces;

    public ProjectionRecordHandler(EnvelopeParser parser, ProjectionMetrics metrics, RecordTraces traces) {
        this.parser = parser;
        this.metrics = metrics;
        this.traces = traces;
    }

    public void handle(Projection projection, ConsumerRecord<String, byte[]> record) {
        long started = nowMicros();
        EventEnvelope event = parser.parse(record);
        handled(projection, event, projection.apply(event), started);
    }

    /**
     * Applies a poll's records as one batch. If one fails, the records before it are applied and written, and the
     * failure names that record: the error handler commits the offsets before it and retries or dead-letters it
     * like a single record, then goes on with the records after it.
     *
     * @throws BatchListenerFailedException naming the first record that was not applied
     */
    public void handleAll(LiveProjection projection, List<ConsumerRecord<String, byte[]>> records) {
        long started = nowMicros();
        List<EventEnvelope> events = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(parser.parse(record));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        BatchResult result;
        try {
            result = projection.applyAll(events);
        } catch (RuntimeException e) {
            result = new BatchResult(List.of(), e);
        }
        for (int i = 0; i < result.outcomes().size(); i++) {
            handled(projection, events.get(i), result.outcomes().get(i), started);
        }
        RuntimeException failure = result.failure() != null ? result.failure() : unreadable;
        if (failure != null) {
            throw new BatchListenerFailedException(failure.getMessage(), failure,
                    records.get(result.failedIndex()));
        }
    }

    /**
     * The event's span in its command's trace covers the whole batch it was written with (one bulk write for all),
     * and is current while the write is logged.
     */
    private void handled(Projection projection, EventEnvelope event, WriteOutcome outcome, long startedMicros) {
        metrics.handled(projection.name(), event, outcome);
        RecordScope scope = traces.open(projection.name(), event, startedMicros, log.isDebugEnabled());
        log.debug("{} {} {} version {} of {} (position {})", projection.name(), outcome.label(), event.type(),
                event.aggregateVersion(), event.subject(), event.position());
        scope.end(outcome.label());
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
