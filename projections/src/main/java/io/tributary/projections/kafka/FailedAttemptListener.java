package io.tributary.projections.kafka;

import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.WaitItOutException;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.EventGapException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;

/**
 * The error handler logs only when it gives up; a stalled projection must say why on every attempt, and count
 * it, so that a projection waiting for its store can be alerted on.
 */
class FailedAttemptListener implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(FailedAttemptListener.class);

    private final ProjectionMetrics metrics;

    FailedAttemptListener(ProjectionMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
        if (ListenerFailures.causedBy(failure, UnreadableEventException.class)) {
            return; // dead-lettered at once, and logged and counted then
        }
        String projection = KafkaUtils.getConsumerGroupId();
        WaitItOutException waiting = ListenerFailures.find(failure, WaitItOutException.class);
        if (waiting != null) {
            metrics.failedAttempt(projection, waiting.reason());
            log.warn("{} waits ({}), attempt {} at {}-{}@{}: {} ({})", projection, waiting.reason(), attempt,
                    record.topic(), record.partition(), record.offset(), ListenerFailures.listenerMessage(failure),
                    ListenerFailures.rootCause(failure));
        } else if (ListenerFailures.causedBy(failure, EventGapException.class)) {
            metrics.failedAttempt(projection, ListenerFailures.GAP);
            log.warn("{} waits for a missing event, attempt {} at {}-{}@{}: {}", projection, attempt, record.topic(),
                    record.partition(), record.offset(), ListenerFailures.listenerMessage(failure));
        } else {
            metrics.failedAttempt(projection, "error");
            log.warn("{} failed attempt {} at {}-{}@{}", projection, attempt, record.topic(), record.partition(),
                    record.offset(), failure);
        }
    }
}
