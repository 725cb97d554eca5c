package io.tributary.command.relay;

import io.tributary.events.DomainEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Publishes every event of the event store to Kafka, in event store order per aggregate.
 * <p>
 * Runs in a streaming processor whose token is stored in PostgreSQL. Sends of one batch go out without
 * waiting for each other; the batch's token only advances once Kafka acknowledged all of them, so a crash or
 * a broker outage means redelivery, never loss. Consumers deduplicate by aggregate version.
 */
@Component
@ProcessingGroup(KafkaEventRelay.PROCESSING_GROUP)
class KafkaEventRelay {

    static final String PROCESSING_GROUP = "kafka-relay";

    private final KafkaTemplate<String, byte[]> kafka;
    private final AggregateTopics topics;
    private final CloudEventRecords records;
    private final EventPositions positions;
    private final Duration ackTimeout;

    KafkaEventRelay(KafkaTemplate<String, byte[]> kafka, AggregateTopics topics, CloudEventRecords records,
                    EventPositions positions, RelayProperties properties) {
        this.kafka = kafka;
        this.topics = topics;
        this.records = records;
        this.positions = positions;
        this.ackTimeout = properties.ackTimeout();
    }

    @EventHandler
    void relay(DomainEvent event, EventMessage<?> message, @SequenceNumber Long sequence) {
        long position = positions.of(message);
        topics.ensureCreated();
        PendingSends.ofCurrentBatch(ackTimeout).add(kafka.send(records.toRecord(event, message, sequence, position)));
    }
}
