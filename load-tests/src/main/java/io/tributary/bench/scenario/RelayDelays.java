package io.tributary.bench.scenario;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long after its recording the relay published each event of a topic while this runs: the record's timestamp
 * (set by the relay's producer when it sends) less its {@code ce_time} (when the command recorded the event). The
 * first stage of an event's way to the views; read from the topic's end on, by a consumer of no group.
 */
final class RelayDelays {

    /** The CloudEvents time header, as the command API publishes it. */
    private static final String TIME_HEADER = "ce_time";

    private final Latencies delays = new Latencies();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    RelayDelays(String bootstrapServers, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().daemon(true).name("relay-delays").start(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        delayOf(record).ifPresent(delays::add);
                    }
                }
            }
        });
    }

    /** The delays in ms; stops reading. */
    Latencies stop() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return delays;
    }

    static OptionalDouble delayOf(ConsumerRecord<?, ?> record) {
        Header time = record.headers().lastHeader(TIME_HEADER);
        if (time == null) {
            return OptionalDouble.empty();
        }
        try {
            Instant recorded = Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
            return OptionalDouble.of(Math.max(0, record.timestamp() - recorded.toEpochMilli()));
        } catch (DateTimeParseException e) {
            return OptionalDouble.empty();
        }
    }
}
