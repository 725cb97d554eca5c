package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.events.AggregateType;
import io.tributary.events.ConsistencyToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker crashes in the middle of a stream of commands and comes back: every command was accepted, and once
 * the pipeline caught up, the views hold every event exactly as the event store does.
 */
class BrokerRestartIT {

    private static final int CHANGES = 20;

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
    }

    @Test
    void aBrokerCrashMidStreamLosesNothing() throws InterruptedException {
        Http.Response created = system.register(
                "{\"name\":\"Margaret Hamilton\",\"email\":\"margaret-" + UUID.randomUUID() + "@example.com\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.json().get("id").asText();

        for (int change = 1; change <= CHANGES; change++) {
            if (change == CHANGES / 2) {
                system.stack.killKafka();
            }
            Http.Response changed = system.commands().patchJson("/api/v1/users/" + userId,
                    "{\"age\":" + (20 + change) + "}");
            assertThat(changed.status()).as("commands are accepted without Kafka: " + changed).isEqualTo(200);
        }
        // Longer than a relay send may block, so relay batches fail and are retried meanwhile.
        Thread.sleep(Duration.ofSeconds(12));
        system.stack.startKafka();

        long lastVersion = CHANGES + 1;
        String token = new ConsistencyToken(AggregateType.USER, userId, lastVersion).format();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response read = system.queries().get("/api/v1/users/" + userId, ConsistencyToken.HEADER, token);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("age").asInt()).isEqualTo(20 + CHANGES);
            assertThat(read.json().get("version").asLong()).isEqualTo(lastVersion);
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode report = system.projectionsAdmin().post("/actuator/viewcheck").json();
            assertThat(report.get("consistent").asBoolean()).as(report.toPrettyString()).isTrue();
        });
    }
}
