package io.tributary.projections.kafka;

import io.tributary.events.AggregateType;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.user.UsersMongoProjection;
import io.tributary.projections.user.UsersSearchProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.tributary.projections.CloudEventRecords.event;
import static io.tributary.projections.CloudEventRecords.onPartition;
import static io.tributary.projections.CloudEventRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterIT extends ProjectionsIntegrationTest {

    /** The notifications read the users topic too. */
    private static final String NOTIFICATIONS = "notifications";

    @Test
    void unreadableRecordsAreDeadLetteredAndLaterEventsOfThePartitionStillApply() {
        String unknownTypeUser = UUID.randomUUID().toString();
        String garbageUser = UUID.randomUUID().toString();
        String validUser = UUID.randomUUID().toString();
        double unreadableBefore = unreadable();

        // All on one partition, so the valid event can only be applied once the consumers got past the others.
        send(onPartition(record(AggregateType.USER, "io.tributary.user.teleported.v1", unknownTypeUser, 1,
                nextPosition(), Instant.now(), "{\"userId\":\"" + unknownTypeUser + "\"}"), 0));
        send(onPartition(record(AggregateType.USER, "io.tributary.user.registered.v1", garbageUser, 1,
                nextPosition(), Instant.now(), "{\"userId\":\"" + garbageUser + "\",\"name\":"), 0));
        send(onPartition(event(UserRegistered.class, validUser, 1, nextPosition(), Instant.now(),
                "{\"userId\":\"" + validUser + "\",\"name\":\"Barbara Liskov\",\"email\":\"bl@example.com\"}"), 0));

        await().atMost(TIMEOUT).until(() -> mongoUser(validUser).isPresent() && searchUser(validUser).found());
        assertThat(mongoUser(unknownTypeUser)).isEmpty();
        assertThat(mongoUser(garbageUser)).isEmpty();
        assertThat(searchUser(unknownTypeUser).found()).isFalse();
        assertThat(searchUser(garbageUser).found()).isFalse();

        List<ConsumerRecord<String, byte[]>> deadLetters =
                deadLetters(USERS_TOPIC, Set.of(unknownTypeUser, garbageUser), 6);

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

        // The counter follows the dead-letter record's publication.
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(unreadable()).isEqualTo(unreadableBefore + 6));
    }

    private double unreadable() {
        return deadLettered(UsersMongoProjection.NAME, "unreadable")
                + deadLettered(UsersSearchProjection.NAME, "unreadable")
                + deadLettered(NOTIFICATIONS, "unreadable");
    }
}
