package io.tributary.projections.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.user.UsersMongoProjection;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.tributary.projections.CloudEventRecords.event;
import static io.tributary.projections.CloudEventRecords.onPartition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A view that falls behind beyond its lag limit (5 s in these tests) takes the service out of readiness, with the view
 * and its lag shown to an admin, while the service stays live; once it caught up the service is ready again.
 */
class ViewLagReadinessIT extends ProjectionsIntegrationTest {

    private static final String VIEW = UsersMongoProjection.NAME;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aViewBeyondItsLagLimitMakesTheServiceNotReadyUntilItCaughtUp() {
        long applied = nextPosition();
        send(registered(applied));
        await().atMost(TIMEOUT).until(() ->
                operator().getForObject("/actuator/projections", JsonNode.class).path(VIEW).path("position").asLong() >= applied);
        await().atMost(TIMEOUT).until(() -> http.getForEntity("/actuator/health/readiness", JsonNode.class)
                .getStatusCode().value() == 200);

        MessageListenerContainer container = listeners.getListenerContainer(VIEW);
        container.pause();
        try {
            await().atMost(TIMEOUT).until(container::isContainerPaused);
            send(registered(nextPosition()));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);
                assertThat(readiness.getStatusCode().value()).isEqualTo(503);
                assertThat(readiness.getBody().path("components").path("viewLag").path("status").asText())
                        .isEqualTo("OUT_OF_SERVICE");
            });
            assertThat(http.getForEntity("/actuator/health/readiness", JsonNode.class).getBody()
                    .path("components").path("viewLag").has("details")).as("details only for admins").isFalse();
            JsonNode why = operator().getForEntity("/actuator/health/readiness", JsonNode.class).getBody()
                    .path("components").path("viewLag").path("details");
            assertThat(why.path("limitSeconds").asDouble()).isEqualTo(5.0);
            assertThat(why.path(VIEW).path("secondsBehind").asDouble()).isGreaterThan(5.0);
            assertThat(why.path(VIEW).path("eventsBehind").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(http.getForEntity("/actuator/health/liveness", JsonNode.class).getStatusCode().value())
                    .as("still live").isEqualTo(200);
        } finally {
            container.resume();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);
            assertThat(readiness.getStatusCode().value()).isEqualTo(200);
            assertThat(readiness.getBody().path("components").path("viewLag").path("status").asText()).isEqualTo("UP");
        });
    }

    /**
     * A new user's registration, always on partition 0: lag counts only partitions the view's group has committed on,
     * which the first registration makes sure of for the second.
     */
    private static ProducerRecord<String, byte[]> registered(long position) {
        String userId = UUID.randomUUID().toString();
        return onPartition(event(UserRegistered.class, userId, 1, position, Instant.now(),
                "{\"userId\":\"" + userId + "\",\"name\":\"Grace Hopper\",\"email\":\"" + userId + "@example.com\"}"), 0);
    }
}
