package io.tributary.command.relay;

import io.tributary.command.CommandApiIntegrationTest;
import io.tributary.events.AggregateType;
import io.tributary.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaEventRelayIT extends CommandApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    private static final String TRACEPARENT = "00-4d4ee7095eee69db8608e4fdc3c78926-bbb3fda01844fc99-01";

    @Test
    void everyRegistrationIsPublishedAsACloudEventKeyedByUser() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(CloudEventHeaders.TRACEPARENT, TRACEPARENT);
        String email = "relay-" + UUID.randomUUID() + "@example.com";
        Map<?, ?> answer = http.postForObject("/api/v1/users",
                new HttpEntity<>("{\"name\":\"Relay Test\",\"email\":\"" + email + "\"}", headers), Map.class);
        String id = (String) answer.get("id");

        ConsumerRecord<String, byte[]> record = awaitRecord(id);
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"userId\":\"" + id + "\",\"name\":\"Relay Test\",\"email\":\"" + email
                        + "\",\"subject\":null}");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.tributary.user.registered.v1");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/tributary/command-api");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CloudEventHeaders.AGGREGATE_TYPE)).isEqualTo("user");
        assertThat(header(record, CloudEventHeaders.AGGREGATE_VERSION)).isEqualTo("1");
        assertThat(Long.parseLong(header(record, CloudEventHeaders.POSITION))).isPositive();
        // The caller's trace, continued by the request's own span: same trace id, sampled, another span id.
        assertThat(header(record, CloudEventHeaders.TRACEPARENT))
                .startsWith(TRACEPARENT.substring(0, 36)).endsWith("-01").isNotEqualTo(TRACEPARENT);
        assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
    }

    /**
     * An event that commits after a later one (it takes its position, then the other commits first) is published
     * with its own position, as every reader of the event store sees it, not the highest position the relay had read.
     */
    @Test
    void anEventThatCommitsLateIsPublishedAtItsOwnPosition() throws Exception {
        String first = register("early-" + UUID.randomUUID());
        String lateId = UUID.randomUUID().toString();
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            long reserved;
            try (Statement next = late.createStatement();
                 ResultSet position = next.executeQuery("SELECT nextval('domain_event_entry_seq')")) {
                position.next();
                reserved = position.getLong(1);
            }
            String second = register("later-" + UUID.randomUUID());
            awaitRecord(second);
            try (PreparedStatement copy = late.prepareStatement("""
                    INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                                                    type, payload_type, payload_revision, payload, meta_data, time_stamp)
                    SELECT ?, ?, ?, 0, type, payload_type, payload_revision,
                           convert_to(replace(convert_from(payload, 'UTF8'), aggregate_identifier, ?), 'UTF8'),
                           meta_data, time_stamp
                      FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""")) {
                copy.setLong(1, reserved);
                copy.setString(2, UUID.randomUUID().toString());
                copy.setString(3, lateId);
                copy.setString(4, lateId);
                copy.setString(5, first);
                assertThat(copy.executeUpdate()).isEqualTo(1);
            }
            late.commit();

            ConsumerRecord<String, byte[]> record = awaitRecord(lateId);
            assertThat(Long.parseLong(header(record, CloudEventHeaders.POSITION))).isEqualTo(reserved);
        }
    }

    private String register(String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<?, ?> answer = http.postForObject("/api/v1/users", new HttpEntity<>("{\"name\":\"" + name
                + "\",\"email\":\"" + name + "@example.com\"}", headers), Map.class);
        return (String) answer.get("id");
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String key) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(AggregateType.USER.topic()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        records.add(record);
                    }
                });
                return !records.isEmpty();
            });
        }
        return records.getFirst();
    }

    private Consumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
