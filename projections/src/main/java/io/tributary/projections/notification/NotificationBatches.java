package io.tributary.projections.notification;

import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
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
 * flush it, record progress. A record that fails ends the batch: what its predecessors did is flushed, and the
 * failure is reported at the record's index, so the container's error handler commits the predecessors and treats the
 * record exactly as a record listener's failure (waited out, retried, or dead-lettered), then goes on from there. A
 * failure to read or flush the batch as a whole is reported at its first record: the batch is applied again, which
 * changes nothing that was already written.
 */
@Component
class NotificationBatches {

    private static final Logger log = LoggerFactory.getLogger(NotificationBatches.class);

    private final EnvelopeParser parser;
    private final ProjectionMetrics metrics;

    NotificationBatches(EnvelopeParser parser, ProjectionMetrics metrics) {
        this.parser = parser;
        this.metrics = metrics;
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
                try {
                    outcomes.add(batch.apply(event));
                } catch (RuntimeException e) {
                    failure = e;
                    break;
                }
            }
            batch.flush();
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException(e.getMessage(), e, 0);
        }
        for (int i = 0; i < outcomes.size(); i++) {
            EventEnvelope event = events.get(i);
            metrics.handled(projection.name(), event, outcomes.get(i));
            log.debug("{} {} {} version {} of {} (position {})", projection.name(), outcomes.get(i).label(),
                    event.type(), event.aggregateVersion(), event.subject(), event.position());
        }
        if (failure != null) {
            throw new BatchListenerFailedException(failure.getMessage(), failure, outcomes.size());
        }
    }
}
