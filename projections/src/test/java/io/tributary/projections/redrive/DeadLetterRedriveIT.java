package io.tributary.projections.redrive;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.tributary.projections.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dead letter, once its cause is gone, is published again to its topic and applied; only once. */
class DeadLetterRedriveIT extends ProjectionsIntegrationTest {

    private static final String DEAD_LETTERS = USERS_TOPIC + ".dlt";

    @Autowired
    TestRestTemplate http;

    @Test
    void redrivenDeadLettersReachTheViewsAndAreNotRedrivenTwice() throws Exception {
        createTopicIfAbsent(DEAD_LETTERS);
        String userId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> event = event(UserRegistered.class, userId, 1, nextPosition(),
                Instant.now(), "{\"userId\":\"" + userId + "\",\"name\":\"Kathleen Booth\",\"email\":\"kb@example.com\"}");
        // As the dead-letter recoverer leaves it: the original record plus the failure headers.
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(DEAD_LETTERS, event.key(), event.value());
        event.headers().forEach(deadLetter.headers()::add);
        deadLetter.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, USERS_TOPIC.getBytes(StandardCharsets.UTF_8));
        deadLetter.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "the view store refused it".getBytes(StandardCharsets.UTF_8));
        send(deadLetter);

        JsonNode before = http.getForObject("/actuator/deadletters", JsonNode.class).get(DEAD_LETTERS);
        assertThat(before.get("pending").asLong()).isPositive();

        ResponseEntity<JsonNode> redriven = http.postForEntity("/actuator/deadletters/" + DEAD_LETTERS, null, JsonNode.class);
        assertThat(redriven.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(redriven.getBody().get("redriven").asLong()).isEqualTo(before.get("pending").asLong());

        await().atMost(Duration.ofSeconds(30)).until(() -> mongoUser(userId).isPresent());
        assertThat(mongoUser(userId).orElseThrow().getString("name")).isEqualTo("Kathleen Booth");
        assertThat(http.getForObject("/actuator/deadletters", JsonNode.class).get(DEAD_LETTERS).get("pending").asLong())
                .isZero();
        assertThat(http.postForEntity("/actuator/deadletters/" + DEAD_LETTERS, null, JsonNode.class).getBody()
                .get("redriven").asLong()).isZero();
    }

    @Test
    void onlyExistingDeadLetterTopicsCanBeRedriven() {
        assertThat(http.postForEntity("/actuator/deadletters/" + USERS_TOPIC, null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.postForEntity("/actuator/deadletters/nothing-here.dlt", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static void createTopicIfAbsent(String topic) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }
}
