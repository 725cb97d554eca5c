package io.tributary.projections.redrive;

import io.tributary.projections.kafka.DeadLetterTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Re-drives dead letters: every record of {@code <topic>.dlt} not re-driven before is published again to the topic
 * it came from, with its key, value and CloudEvents headers, without the {@code kafka_dlt-*} failure headers. The
 * projections then see it like any redelivery: a view that has it ignores it, one that missed it applies it.
 * Progress is the committed offset of the consumer group {@value #GROUP}, advanced only after Kafka acknowledged
 * the re-published records, so a crash re-drives at most a batch twice (harmless) and never skips one.
 */
public class DeadLetterRedrive {

    static final String GROUP = "dead-letter-redrive";
    private static final String FAILURE_HEADER_PREFIX = "kafka_dlt-";
    private static final Duration POLL = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaOperations<String, byte[]> producer;
    private final Duration maxDuration;

    public DeadLetterRedrive(ConsumerFactory<String, byte[]> consumers, KafkaOperations<String, byte[]> producer,
                             Duration maxDuration) {
        this.consumers = consumers;
        this.producer = producer;
        this.maxDuration = maxDuration;
    }

    /** Records waiting in each dead-letter topic (all of them, and those not re-driven yet). */
    public Map<String, Backlog> backlog() {
        try (Consumer<String, byte[]> consumer = consumer()) {
            Map<String, Backlog> backlog = new LinkedHashMap<>();
            consumer.listTopics(POLL.multipliedBy(10)).keySet().stream()
                    .filter(DeadLetterTopics::isDeadLetterTopic)
                    .sorted()
                    .forEach(topic -> backlog.put(topic, backlogOf(consumer, partitions(consumer, topic))));
            return backlog;
        }
    }

    /**
     * Re-drives what waits in {@code deadLetterTopic} now; records arriving meanwhile wait for the next call.
     *
     * @return how many records were published again
     * @throws UnknownDeadLetterTopicException when the name is not an existing dead-letter topic
     */
    public long redrive(String deadLetterTopic) {
        if (!DeadLetterTopics.isDeadLetterTopic(deadLetterTopic)) {
            throw new UnknownDeadLetterTopicException(deadLetterTopic);
        }
        try (Consumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            if (partitions.isEmpty()) {
                throw new UnknownDeadLetterTopicException(deadLetterTopic);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long redriven = 0;
            long deadline = System.nanoTime() + maxDuration.toNanos();
            while (!reached(consumer, ends) && System.nanoTime() < deadline) {
                redriven += republish(consumer, consumer.poll(POLL), ends);
            }
            log.info("Re-drove {} record(s) from {}", redriven, deadLetterTopic);
            return redriven;
        }
    }

    private long republish(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records,
                           Map<TopicPartition, Long> ends) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() >= ends.get(partition)) {
                continue; // arrived after the call started
            }
            sends.add(producer.send(new ProducerRecord<>(originalTopic(record), null, record.key(), record.value(),
                    withoutFailureHeaders(record))));
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving dead letters", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a re-driven record; nothing was marked done", e.getCause());
        }
        consumer.commitSync(done);
        return sends.size();
    }

    private static String originalTopic(ConsumerRecord<String, byte[]> record) {
        Header original = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return original != null
                ? new String(original.value(), StandardCharsets.UTF_8)
                : DeadLetterTopics.originalOf(record.topic());
    }

    private static RecordHeaders withoutFailureHeaders(ConsumerRecord<String, byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(FAILURE_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Backlog backlogOf(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        long total = 0;
        long pending = 0;
        for (TopicPartition partition : partitions) {
            long end = ends.get(partition);
            total += end - beginnings.get(partition);
            OffsetAndMetadata done = committed.get(partition);
            pending += end - Math.max(beginnings.get(partition), done == null ? 0 : done.offset());
        }
        return new Backlog(total, pending);
    }

    private static List<TopicPartition> partitions(Consumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, POLL.multipliedBy(10));
        return infos == null ? List.of() : infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private Consumer<String, byte[]> consumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return consumers.createConsumer(GROUP, "dead-letter-redrive", null, overrides);
    }

    /** @param total records in the topic; @param pending those not re-driven yet */
    public record Backlog(long total, long pending) {
    }

    public static class UnknownDeadLetterTopicException extends RuntimeException {
        UnknownDeadLetterTopicException(String topic) {
            super("not a dead-letter topic: " + topic);
        }
    }
}
