package io.tributary.command.relay;

import io.tributary.events.DomainEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The events of one processor batch, published together before the batch commits (and with it the processor's
 * token): their positions are looked up with one query, their records sent without waiting for each other, and
 * every send must be acknowledged; otherwise the batch fails and is retried from the old token.
 */
final class RelayBatch {

    private static final String RESOURCE_KEY = RelayBatch.class.getName();

    /** What the batch needs to publish, and how. */
    record Publishing(KafkaTemplate<String, byte[]> kafka, AggregateTopics topics, CloudEventRecords records,
                      EventPositions positions, Duration ackTimeout) {
    }

    private record Pending(DomainEvent event, EventMessage<?> message, long sequence) {
    }

    private final List<Pending> events = new ArrayList<>();
    private final Publishing publishing;

    private RelayBatch(Publishing publishing) {
        this.publishing = publishing;
    }

    static RelayBatch ofCurrentBatch(Publishing publishing) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(RESOURCE_KEY, key -> {
            RelayBatch relayBatch = new RelayBatch(publishing);
            batch.onPrepareCommit(unitOfWork -> relayBatch.publish());
            return relayBatch;
        });
    }

    void add(DomainEvent event, EventMessage<?> message, long sequence) {
        events.add(new Pending(event, message, sequence));
    }

    private void publish() {
        publishing.topics().ensureCreated();
        Map<String, Long> positions = publishing.positions()
                .of(events.stream().map(pending -> pending.message().getIdentifier()).toList());
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (Pending pending : events) {
            ProducerRecord<String, byte[]> record = publishing.records().toRecord(pending.event(), pending.message(),
                    pending.sequence(), positions.get(pending.message().getIdentifier()));
            sends.add(publishing.kafka().send(record));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(publishing.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayException("interrupted while waiting for Kafka acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayException("Kafka did not acknowledge " + sends.size() + " events; the batch will be retried", e);
        }
    }

    static final class RelayException extends RuntimeException {
        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
