package io.tributary.projections.kafka;

import io.tributary.events.CloudEventHeaders;
import io.tributary.projections.ProjectionMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Sends a record a projection gave up on to {@code <topic>.dlt}, keeping key, value and CloudEvents headers and
 * adding the failure in the standard {@code kafka_dlt-*} headers; then logs and counts it. If the send fails,
 * this throws and the error handler retries the record, so nothing is skipped silently.
 */
@Component
class DeadLetterRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final DeadLetterTopics topics;
    private final ProjectionMetrics metrics;
    private final DeadLetterPublishingRecoverer publisher;

    DeadLetterRecoverer(KafkaOperations<?, ?> kafka, DeadLetterTopics topics, ProjectionMetrics metrics) {
        this.topics = topics;
        this.metrics = metrics;
        // Partition -1: the producer partitions by key, so a dead-letter topic may have any number of partitions.
        this.publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(DeadLetterTopics.of(record.topic()), -1));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        String deadLetterTopic = DeadLetterTopics.of(record.topic());
        topics.ensureCreated(deadLetterTopic);
        publisher.accept(record, listenersOwn(failure));
        String projection = KafkaUtils.getConsumerGroupId();
        String reason = ListenerFailures.reason(failure);
        metrics.deadLettered(projection, record.topic(), reason);
        log.warn("{} sent {}-{}@{} (ce_type {}, ce_id {}) to {}, {}: {}", projection, record.topic(),
                record.partition(), record.offset(), header(record, CloudEventHeaders.TYPE),
                header(record, CloudEventHeaders.ID), deadLetterTopic, reason,
                ListenerFailures.listenerMessage(failure));
    }

    /**
     * A batch listener reports a record's failure wrapped in a {@link BatchListenerFailedException}; the dead letter's
     * {@code kafka_dlt-exception-cause-*} headers name what the listener itself threw, as for a record listener.
     */
    private static Exception listenersOwn(Exception failure) {
        if (failure instanceof ListenerExecutionFailedException listener
                && listener.getCause() instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            // The group id is what the kafka_dlt-original-consumer-group header is taken from.
            return new ListenerExecutionFailedException(failure.getMessage(), listener.getGroupId(), batch.getCause());
        }
        return failure;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
