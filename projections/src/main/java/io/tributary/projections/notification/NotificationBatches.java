package io.tributary.projections.notification;

import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.tracing.RecordScope;
import io.tributary.projections.tracing.RecordTraces;
import io.tributary.projections.view.WriteOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What the notification listeners do with a poll of records: apply them in order as one {@link NotificationBatch},
 * send its mail, flush it, record progress. A record that fails, or whose mail fails, ends the batch: what its
 * predecessors did is sent and flushed, and the failure is reported at the record's index, so the container's error
 * handler commits the predecessors and treats the record exactly as a record listener's failure (waited out, retried,
 * or dead-lettered), then goes on from there. A failure to read or flush the batch as a whole is reported at its
 * first record: the batch is applied again, which changes nothing that was already written.
 */
@Component
class NotificationBatches {

    private static final Logger log = LoggerFactory.getLogger(NotificationBatches.class);

    private final EnvelopeParser parser;
    private final ProjectionMetrics metrics;
    private final RecordTraces traces;

    NotificationBatches(EnvelopeParser parser, ProjectionMetrics metrics, RecordTraces traces) {
        this.parser = parser;
        this.metrics = metrics;
        this.traces = traces;
    }

    void handle(NotificationProjection<?> projection, List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        RuntimeException failure = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(parser.parse(record));
            } catch (UnreadableEventException e) {
                failure = e; // fails at its index, once the events before it are applied
                break;
            }
        }
        List<WriteOutcome> outcomes = new ArrayList<>(events.size());
        try (NotificationBatch batch = projection.begin(events)) {
            for (EventEnvelope event : events) {
                // The mail of an event is composed while it is applied, in the event's span of its command's trace.
                RecordScope scope = traces.open(projection.name(), event, log.isDebugEnabled());
                try {
                    WriteOutcome outcome = batch.apply(event);
                    outcomes.add(outcome);
                    log.debug("{} {} {} version {} of {} (position {})", projection.name(), outcome.label(),
                            event.type(), event.aggregateVersion(), event.subject(), event.position());
                    scope.end(outcome.label());
                } catch (RuntimeException e) {
                    scope.failed(e);
                    failure = e;
                    break;
                }
            }
            try {
                batch.send();
            } catch (UndeliveredMailException e) {
                // The events from this one on are applied again with the rest of the batch.
                outcomes.subList(indexOf(events, e.eventId()), outcomes.size()).clear();
                failure = e.getCause();
            }
            batch.flush();
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException(e.getMessage(), e, 0);
        }
        for (int i = 0; i < outcomes.size(); i++) {
            metrics.handled(projection.name(), events.get(i), outcomes.get(i));
        }
        if (failure != null) {
            throw new BatchListenerFailedException(failure.getMessage(), failure, outcomes.size());
        }
    }

    private static int indexOf(List<EventEnvelope> events, String eventId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).id().equals(eventId)) {
                return i;
            }
        }
        throw new IllegalStateException("event " + eventId + " is not in the batch");
    }
}
