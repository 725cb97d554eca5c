package io.tributary.projections.redrive;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.events.CloudEventHeaders;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters go back to the topic they came from, with key, value and CloudEvents headers but without the
 * failure headers, and each only once. Uses a topic of its own, so the projections' dead letters stay out of it.
 */
class DeadLetterRedriveIT extends ProjectionsIntegrationTest {

    @Test
    void deadLettersArePublishedAgainToTheirTopicOnce() throws Exception {
        String topic = "redrive-probe-" + UUID.randomUUID();
        String deadLetters = topic + ".dlt";
        createTopics(topic, deadLetters);
        for (int i = 0; i < 3; i++) {
            send(deadLetter(deadLetters, topic, "key-" + i));
        }

        assertThat(backlog(deadLetters).get("pending").asLong()).isEqualTo(3);
        assertThat(backlog(deadLetters).get("total").asLong()).isEqualTo(3);

        ResponseEntity<JsonNode> redriven = operator().postForEntity("/actuator/deadletters/" + deadLetters, null, JsonNode.class);
        assertThat(redriven.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(redriven.getBody().get("redriven").asLong()).isEqualTo(3);
        assertThat(backlog(deadLetters).get("pending").asLong()).isZero();

        send(deadLetter(deadLetters, topic, "key-3"));
        assertThat(operator().postForEntity("/actuator/deadletters/" + deadLetters, null, JsonNode.class).getBody()
                .get("redriven").asLong()).as("only what arrived since").isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> republished = readAll(topic, 4);
        assertThat(republished).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("key-0", "key-1", "key-2", "key-3");
        for (ConsumerRecord<String, byte[]> record : republished) {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":\"" + record.key() + "\"}");
            assertThat(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8))
                    .isEqualTo("event-" + record.key());
            assertThat(record.headers()).extracting(Header::key).noneMatch(key -> key.startsWith("kafka_dlt-"));
        }
    }

    @Test
    void onlyExistingDeadLetterTopicsCanBeRedriven() {
        assertThat(operator().postForEntity("/actuator/deadletters/" + USERS_TOPIC, null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(operator().postForEntity("/actuator/deadletters/nothing-here.dlt", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode backlog(String deadLetters) {
        return operator().getForObject("/actuator/deadletters", JsonNode.class).get(deadLetters);
    }

    /** As the dead-letter recoverer leaves a record: the original plus the failure headers. */
    private static ProducerRecord<String, byte[]> deadLetter(String deadLetters, String originalTopic, String key) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetters, key,
                ("{\"n\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.ID, ("event-" + key).getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, originalTopic.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "refused".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static void createTopics(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(java.util.Arrays.stream(topics).map(topic -> new NewTopic(topic, 2, (short) 1)).toList())
                    .all().get();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) throws InterruptedException {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "redrive-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // Anything beyond the expected records would be a second re-drive.
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        }
        return records;
    }
}
