package io.tributary.projections.kafka;

import io.tributary.projections.Projection;
import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every projection listener does with a record: decode the CloudEvent, apply it, record progress.
 * Failures propagate to the container's error handler; the offset is committed only after this returns.
 */
@Component
public class ProjectionRecordHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRecordHandler.class);

    private final EnvelopeParser parser;
    private final ProjectionMetrics metrics;

    public ProjectionRecordHandler(EnvelopeParser parser, ProjectionMetrics metrics) {
        this.parser = parser;
        this.metrics = metrics;
    }

    public void handle(Projection projection, ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = parser.parse(record);
        WriteOutcome outcome = projection.apply(event);
        metrics.handled(projection.name(), event, outcome);
        log.debug("{} {} {} version {} of {} (position {})", projection.name(), outcome.label(), event.type(),
                event.aggregateVersion(), event.subject(), event.position());
    }
}
