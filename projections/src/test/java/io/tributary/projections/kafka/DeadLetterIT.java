package io.tributary.projections.kafka;

import io.micrometer.core.instrument.Counter;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.user.UsersMongoProjection;
import io.tributary.projections.user.UsersSearchProjection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tributary.projections.CloudEventRecords.onPartition;
import static io.tributary.projections.CloudEventRecords.record;
import static io.tributary.projections.CloudEventRecords.userEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterIT extends ProjectionsIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = USERS_TOPIC + ".dlt";
    /** The notifications read the users topic too. */
    private static final String NOTIFICATIONS = "notifications";

    @Test
    void unreadableRecordsAreDeadLetteredAndLaterEventsOfThePartitionStillApply() {
        String unknownTypeUser = UUID.randomUUID().toString();
        String garbageUser = UUID.randomUUID().toString();
        String validUser = UUID.randomUUID().toString();
        double unreadableBefore = deadLettered(UsersMongoProjection.NAME) + deadLettered(UsersSearchProjection.NAME)
                + deadLettered(NOTIFICATIONS);

        // All on one partition, so the valid event can only be applied once the consumers got past the others.
        send(onPartition(record("io.tributary.user.teleported.v1", unknownTypeUser, 1, nextPosition(), Instant.now(),
                "{\"userId\":\"" + unknownTypeUser + "\"}"), 0));
        send(onPartition(record("io.tributary.user.registered.v1", garbageUser, 1, nextPosition(), Instant.now(),
                "{\"userId\":\"" + garbageUser + "\",\"name\":"), 0));
        send(onPartition(userEvent(UserRegistered.class, validUser, 1, nextPosition(), Instant.now(),
                "{\"userId\":\"" + validUser + "\",\"name\":\"Barbara Liskov\",\"email\":\"bl@example.com\"}"), 0));

        await().atMost(TIMEOUT).until(() -> mongoUser(validUser).isPresent() && searchUser(validUser).found());
        assertThat(mongoUser(unknownTypeUser)).isEmpty();
        assertThat(mongoUser(garbageUser)).isEmpty();
        assertThat(searchUser(unknownTypeUser).found()).isFalse();
        assertThat(searchUser(garbageUser).found()).isFalse();

        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(unknownTypeUser) || record.key().equals(garbageUser)) {
                        deadLetters.add(record);
                    }
                });
                return deadLetters.size() == 6;
            });
        }

        // Each projection gave up on each record on its own.
        assertThat(deadLetters)
                .extracting(record -> record.key() + " from " + header(record, "kafka_dlt-original-consumer-group"))
                .containsExactlyInAnyOrder(
                        unknownTypeUser + " from " + UsersMongoProjection.NAME,
                        unknownTypeUser + " from " + UsersSearchProjection.NAME,
                        unknownTypeUser + " from " + NOTIFICATIONS,
                        garbageUser + " from " + UsersMongoProjection.NAME,
                        garbageUser + " from " + UsersSearchProjection.NAME,
                        garbageUser + " from " + NOTIFICATIONS);
        for (ConsumerRecord<String, byte[]> deadLetter : deadLetters) {
            assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(USERS_TOPIC);
            assertThat(header(deadLetter, "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo("io.tributary.projections.envelope.UnreadableEventException");
            assertThat(header(deadLetter, CloudEventHeaders.SUBJECT)).as("original headers kept")
                    .isEqualTo(deadLetter.key());
        }
        assertThat(deadLetters).filteredOn(record -> record.key().equals(unknownTypeUser))
                .allSatisfy(record -> assertThat(header(record, "kafka_dlt-exception-message"))
                        .contains("unknown event type io.tributary.user.teleported.v1"));
        assertThat(deadLetters).filteredOn(record -> record.key().equals(garbageUser))
                .allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"userId\":\"" + garbageUser + "\",\"name\":"));

        assertThat(deadLettered(UsersMongoProjection.NAME) + deadLettered(UsersSearchProjection.NAME)
                + deadLettered(NOTIFICATIONS)).isEqualTo(unreadableBefore + 6);
    }

    private double deadLettered(String projection) {
        Counter counter = meters.find("tributary.projection.dead.letters")
                .tag("projection", projection).tag("reason", "unreadable").counter();
        return counter == null ? 0 : counter.count();
    }

    private static KafkaConsumer<String, byte[]> deadLetterConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
