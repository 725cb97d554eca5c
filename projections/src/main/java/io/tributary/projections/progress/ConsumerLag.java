package io.tributary.projections.progress;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records a consumer group has yet to process: per partition it has committed, the partition's end offset minus
 * the committed offset. Partitions the group has never committed on are not counted.
 */
class ConsumerLag {

    private final Admin admin;
    private final Duration timeout;

    ConsumerLag(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** @throws LagUnknownException when Kafka does not answer in time */
    long recordsBehind(String consumerGroup) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            committed.values().removeIf(java.util.Objects::isNull);
            if (committed.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return committed.entrySet().stream()
                    .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset()))
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagUnknownException(consumerGroup, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new LagUnknownException(consumerGroup, e);
        }
    }

    static class LagUnknownException extends RuntimeException {
        LagUnknownException(String consumerGroup, Exception cause) {
            super("lag of " + consumerGroup + " unknown: " + cause.getMessage(), cause);
        }
    }
}
