package io.tributary.command.relay;

import io.tributary.command.CommandApiIntegrationTest;
import io.tributary.events.AggregateType;
import io.tributary.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

/**
 * With the broker down, commands are still accepted and the relay's backlog shows what waits; once it is back, the
 * relay delivers everything, in order, and the backlog is gone.
 */
@SuppressWarnings("rawtypes")
class BrokerOutageIT extends CommandApiIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void eventsAppendedWhileKafkaIsDownArriveAfterItReturns() throws InterruptedException {
        String user = registerUser("Outage Tester", "outage-" + UUID.randomUUID() + "@example.com");
        stack().stopKafka();
        try {
            for (int age = 20; age < 30; age++) {
                ResponseEntity<Map> changed = exchange(org.springframework.http.HttpMethod.PATCH, "/api/v1/users/" + user,
                        "{\"age\":" + age + "}", AUTHORIZATION, ADMIN);
                assertThat(changed.getStatusCode().value()).as("commands are accepted without Kafka").isEqualTo(200);
            }
            // Longer than a send may block (max.block.ms, 10 s): relay batches fail and are retried meanwhile.
            Thread.sleep(Duration.ofSeconds(15));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(gauge(RelayBacklog.EVENTS)).isGreaterThanOrEqualTo(10);
                assertThat(gauge(RelayBacklog.SECONDS)).isGreaterThan(0);
            });
        } finally {
            stack().startKafka();
        }

        List<Long> versions = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(AggregateType.USER.topic()));
            Map<Long, Integer> deliveries = new HashMap<>();
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (user.equals(record.key())) {
                        long version = Long.parseLong(new String(
                                record.headers().lastHeader(CloudEventHeaders.AGGREGATE_VERSION).value(), StandardCharsets.UTF_8));
                        if (deliveries.merge(version, 1, Integer::sum) == 1) {
                            versions.add(version);
                        }
                    }
                }
                return versions.size() == 11;
            });
        }
        // Redelivery is allowed (at least once); loss and reordering are not.
        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(gauge(RelayBacklog.EVENTS)).isZero();
            assertThat(gauge(RelayBacklog.SECONDS)).isZero();
        });
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
