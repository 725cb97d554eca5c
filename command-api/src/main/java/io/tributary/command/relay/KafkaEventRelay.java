package io.tributary.command.relay;

import io.tributary.events.DomainEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every event of the event store to Kafka, in event store order per aggregate.
 * <p>
 * Runs in a streaming processor whose token is stored in PostgreSQL. The events of one processor batch are published
 * together when it is about to commit ({@link RelayBatch}); the batch's token only advances once Kafka acknowledged
 * all of them, so a crash or a broker outage means redelivery, never loss. Consumers deduplicate by aggregate version.
 */
@Component
@ProcessingGroup(KafkaEventRelay.PROCESSING_GROUP)
class KafkaEventRelay {

    static final String PROCESSING_GROUP = "kafka-relay";

    private final RelayBatch.Publishing publishing;

    KafkaEventRelay(KafkaTemplate<String, byte[]> kafka, AggregateTopics topics, CloudEventRecords records,
                    EventPositions positions, RelayProperties properties) {
        this.publishing = new RelayBatch.Publishing(kafka, topics, records, positions, properties.ackTimeout());
    }

    @EventHandler
    void relay(DomainEvent event, EventMessage<?> message, @SequenceNumber Long sequence) {
        RelayBatch.ofCurrentBatch(publishing).add(event, message, sequence);
    }
}
