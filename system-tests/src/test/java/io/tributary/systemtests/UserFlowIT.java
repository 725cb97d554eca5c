package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.AggregateType;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.ConsistencyToken;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drives the user flow across the three separately running services on the real stack. */
class UserFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Consumer groups of the two user projections (one per store). */
    private static final List<String> USER_PROJECTION_GROUPS = List.of("users-mongo-view", "users-search-index");

    private static RunningSystem system;
    private static KafkaProbe kafka;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
        kafka = new KafkaProbe(system.stack.endpoints().kafkaBootstrapServers());
    }

    @Test
    void registeredUserIsReadableWithItsConsistencyToken() {
        String email = unique("ada") + "@example.com";
        Http.Response created = register("Ada Lovelace", email);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(created.header("Location")).contains("/api/v1/users/" + id);
        assertThat(created.header("ETag")).contains("\"1\"");
        String token = created.header(ConsistencyToken.HEADER).orElseThrow();
        assertThat(ConsistencyToken.parse(token)).isEqualTo(new ConsistencyToken(AggregateType.USER, id, 1));

        Http.Response read = system.queries().get("/api/v1/users/" + id, ConsistencyToken.HEADER, token);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(read.json().get("email").asText()).isEqualTo(email);
        assertThat(read.json().get("version").asLong()).isEqualTo(1);
        assertThat(read.header("ETag")).contains("\"1\"");

        Http.Response notModified = system.queries().get("/api/v1/users/" + id, "If-None-Match", "\"1\"");
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        Http.Response search = system.queries().get("/api/v1/users?q=" + email, ConsistencyToken.HEADER, token);
        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(ids(search.json().get("items"))).contains(id);
    }

    @Test
    void readWaitsBoundedAndAnswers503WhenTheViewNeverReachesTheVersion() {
        Http.Response created = register("Grace Hopper", unique("grace") + "@example.com");
        String id = created.json().get("id").asText();
        String futureVersion = new ConsistencyToken(AggregateType.USER, id, 2).format();

        long started = System.nanoTime();
        Http.Response read = system.queries().get("/api/v1/users/" + id, ConsistencyToken.HEADER, futureVersion);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(read.status()).as(read.toString()).isEqualTo(503);
        assertThat(read.header("Retry-After")).isPresent();
        assertThat(read.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(waited).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(10));
    }

    @Test
    void redeliveredAndTamperedDuplicatesChangeNoView() throws Exception {
        String email = unique("alan") + "@example.com";
        Http.Response created = register("Alan Turing", email);
        String id = created.json().get("id").asText();
        String token = created.header(ConsistencyToken.HEADER).orElseThrow();
        assertThat(system.queries().get("/api/v1/users/" + id, ConsistencyToken.HEADER, token).status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> published = kafka.recordsWithKey(AggregateType.USER.topic(), id);
        assertThat(published).as("exactly one record relayed for the new user").hasSize(1);
        ConsumerRecord<String, byte[]> original = published.getFirst();
        assertThat(header(original, CloudEventHeaders.TYPE)).isEqualTo("io.tributary.user.registered.v1");
        assertThat(header(original, CloudEventHeaders.AGGREGATE_VERSION)).isEqualTo("1");
        assertThat(header(original, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(Long.parseLong(header(original, CloudEventHeaders.POSITION))).isPositive();
        assertThat(header(original, CloudEventHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

        // At-least-once delivery: the same event again, and a copy whose payload differs but whose version does not.
        kafka.send(copyOf(original, original.value()));
        ObjectNode tampered = (ObjectNode) JSON.readTree(original.value());
        tampered.put("name", "Mallory Impostor");
        kafka.send(copyOf(original, JSON.writeValueAsBytes(tampered)));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                USER_PROJECTION_GROUPS.stream().allMatch(group -> kafka.caughtUp(group, AggregateType.USER.topic())));

        Http.Response read = system.queries().get("/api/v1/users/" + id);
        assertThat(read.json().get("name").asText()).isEqualTo("Alan Turing");
        assertThat(read.json().get("version").asLong()).isEqualTo(1);
        Http.Response impostors = system.queries().get("/api/v1/users?q=Mallory%20Impostor");
        assertThat(ids(impostors.json().get("items"))).doesNotContain(id);
        Http.Response search = system.queries().get("/api/v1/users?q=" + email);
        List<JsonNode> ours = new java.util.ArrayList<>();
        search.json().get("items").forEach(item -> {
            if (id.equals(item.get("id").asText())) {
                ours.add(item);
            }
        });
        assertThat(ours).hasSize(1);
        assertThat(ours.getFirst().get("name").asText()).isEqualTo("Alan Turing");
        assertThat(ours.getFirst().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemNotAnError() {
        Http.Response invalid = system.register("{\"name\":\"A\",\"email\":\"not-an-email\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(invalid.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("name", "email");

        Http.Response unknown = system.queries().get("/api/v1/users/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static Http.Response register(String name, String email) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("email", email);
        return system.register(body.toString());
    }

    private static ProducerRecord<String, byte[]> copyOf(ConsumerRecord<String, byte[]> record, byte[] value) {
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), value, record.headers());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode items) {
        return items.findValuesAsText("id");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
