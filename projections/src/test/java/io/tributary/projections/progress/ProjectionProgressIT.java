package io.tributary.projections.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.user.UsersMongoProjection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tributary.projections.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectionProgressIT extends ProjectionsIntegrationTest {

    @Test
    void consumerLagIsTheRecordsPastTheCommittedOffset() throws Exception {
        String topic = "lag-probe-" + UUID.randomUUID();
        String group = "lag-probe-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            for (int i = 0; i < 5; i++) {
                send(new ProducerRecord<>(topic, 0, "key", new byte[]{(byte) i}));
            }
            commit(group, new TopicPartition(topic, 0), 2);

            assertThat(new ConsumerLag(admin, Duration.ofSeconds(5)).recordsBehind(group)).isEqualTo(3);
            assertThat(new ConsumerLag(admin, Duration.ofSeconds(5)).recordsBehind("no-such-group")).isZero();
        }
    }

    @Test
    void theEndpointShowsEachProjectionCaughtUpWithItsPosition() {
        String userId = UUID.randomUUID().toString();
        long position = nextPosition();
        send(event(UserRegistered.class, userId, 1, position, Instant.now(),
                "{\"userId\":\"" + userId + "\",\"name\":\"Frances Allen\",\"email\":\"fran@example.com\"}"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode mongo = operator().getForObject("/actuator/projections", JsonNode.class).get(UsersMongoProjection.NAME);
            assertThat(mongo.get("position").asLong()).isGreaterThanOrEqualTo(position);
            assertThat(mongo.get("eventsBehind").asLong()).isZero();
            assertThat(mongo.get("secondsBehind").asDouble()).isZero();
            assertThat(mongo.get("lastEventTime").asText()).isNotBlank();
        });
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("tributary_projection_lag_events{projection=\"" + UsersMongoProjection.NAME + "\"}")
                .contains("tributary_projection_lag_seconds{projection=\"" + UsersMongoProjection.NAME + "\"}");
    }

    private static void commit(String group, TopicPartition partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }
}
