package io.tributary.command.eventstore;

import io.tributary.command.CommandApiIntegrationTest;
import io.tributary.devstack.Server;
import io.tributary.events.AggregateType;
import io.tributary.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL, the event store, goes away under the running command API and comes back on the same port with its
 * data: meanwhile every command is answered 503 with Retry-After (never a 500, never a hang; once the event store's
 * circuit breaker opened, without waiting for the pool) and the service is not ready; afterwards commands succeed
 * again and the relay publishes what was appended, in order.
 */
@SuppressWarnings("rawtypes")
class EventStoreOutageIT extends CommandApiIntegrationTest {

    private static final String STORE_UNAVAILABLE = "urn:tributary:problem:store-unavailable";
    /** {@code spring.datasource.hikari.connection-timeout}: how long a command waits for a connection. */
    private static final long POOL_TIMEOUT_MILLIS = 10_000;

    @Test
    void commandsAnswer503WhilePostgresIsDownAndSucceedAgainOnceItIsBack() {
        assumeTrue(stack().runsLocally(Server.POSTGRES), "needs a PostgreSQL server the test stack can restart");
        String user = registerUser("Outage Tester", "pg-outage-" + UUID.randomUUID() + "@example.com");
        assertThat(user).isNotNull();

        List<ResponseEntity<Map>> answers = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        stack().stopPostgres();
        try {
            for (int i = 0; i < 3; i++) {
                answers.add(timed("register", millis, () -> post("/api/v1/users",
                        "{\"name\":\"Down Time\",\"email\":\"down-" + UUID.randomUUID() + "@example.com\"}")));
                answers.add(timed("change a profile", millis, () -> exchange(HttpMethod.PATCH, "/api/v1/users/" + user,
                        "{\"age\":40}", AUTHORIZATION, ADMIN)));
                answers.add(timed("register with an Idempotency-Key", millis, () -> post("/api/v1/users",
                        "{\"name\":\"Down Time\",\"email\":\"down-" + UUID.randomUUID() + "@example.com\"}",
                        "Idempotency-Key", UUID.randomUUID().toString())));
            }
            ResponseEntity<Map> readiness = http.getForEntity("/actuator/health/readiness", Map.class);
            assertThat(readiness.getStatusCode().value()).isEqualTo(503);
            assertThat(readiness.getBody()).extracting("components").extracting("db").extracting("status")
                    .isEqualTo("DOWN");
        } finally {
            stack().startPostgres();
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody()).containsEntry("type", STORE_UNAVAILABLE).containsEntry("status", 503);
        });
        // Three commands' outages open the breaker: the rest are refused without waiting for the pool's 10 s.
        assertThat(millis.subList(3, millis.size())).as("milliseconds per answer, once the breaker opened")
                .allSatisfy(took -> assertThat(took).isLessThan(POOL_TIMEOUT_MILLIS / 2));

        // The pool reconnects by itself: the first command after the restart may still meet a broken connection.
        String registeredAfter = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            ResponseEntity<Map> registered = post("/api/v1/users",
                    "{\"name\":\"Back Again\",\"email\":\"back-" + UUID.randomUUID() + "@example.com\"}");
            return registered.getStatusCode().value() == 201 ? (String) registered.getBody().get("id") : null;
        }, id -> id != null);
        for (int age = 20; age < 25; age++) {
            ResponseEntity<Map> changed = exchange(HttpMethod.PATCH, "/api/v1/users/" + user, "{\"age\":" + age + "}",
                    AUTHORIZATION, ADMIN);
            assertThat(changed.getStatusCode().value()).isEqualTo(200);
        }
        assertThat(http.getForEntity("/actuator/health/readiness", Map.class).getStatusCode().value()).isEqualTo(200);

        Map<String, List<Long>> versions = publishedVersions(List.of(user, registeredAfter), 7);
        assertThat(versions.get(user)).as("the outage appended nothing; what came after arrives in order")
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(versions.get(registeredAfter)).containsExactly(1L);
    }

    /** Sends a command while the database is down, and notes (and says) how long its answer took. */
    private static ResponseEntity<Map> timed(String command, List<Long> millis,
                                             java.util.function.Supplier<ResponseEntity<Map>> send) {
        long started = System.nanoTime();
        ResponseEntity<Map> answer = send.get();
        long took = (System.nanoTime() - started) / 1_000_000;
        millis.add(took);
        System.out.printf("With PostgreSQL down, %s answered %d in %d ms%n", command, answer.getStatusCode().value(), took);
        return answer;
    }

    /** The versions the relay published for each aggregate, first deliveries in order, once there are {@code count}. */
    private static Map<String, List<Long>> publishedVersions(List<String> aggregates, int count) {
        Map<String, List<Long>> versions = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "pg-outage-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(AggregateType.USER.topic()));
            // The relay's processors back off while the database is down (up to a minute) before they resume.
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (aggregates.contains(record.key())) {
                        long version = Long.parseLong(new String(record.headers()
                                .lastHeader(CloudEventHeaders.AGGREGATE_VERSION).value(), StandardCharsets.UTF_8));
                        List<Long> seen = versions.computeIfAbsent(record.key(), key -> new ArrayList<>());
                        // Redelivery is allowed (at least once); loss and reordering are not.
                        if (!seen.contains(version)) {
                            seen.add(version);
                        }
                    }
                }
                return versions.values().stream().mapToInt(List::size).sum() >= count;
            });
        }
        return versions;
    }
}
