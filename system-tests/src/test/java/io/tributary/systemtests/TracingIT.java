package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from a client's request to the projections: the client's {@code traceparent} continues through the
 * command API's access log, the event store and Kafka into the projections' log lines for that event's view write
 * and its welcome mail, all read from the services' structured (JSON) logs.
 */
class TracingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
    }

    @Test
    void aCommandsTraceReachesTheProjectionsWriteAndMailThroughKafka() {
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(randomBytes(16));
        String callerSpanId = hex.formatHex(randomBytes(8));
        String email = "grace-" + UUID.randomUUID() + "@example.com";

        Http.Response created = system.commands().anonymous().postJson("/api/v1/users",
                "{\"name\":\"Grace Hopper\",\"email\":\"" + email + "\"}",
                "traceparent", "00-" + traceId + "-" + callerSpanId + "-01");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.json().get("id").asText();
        String requestId = created.header("X-Request-Id").orElseThrow();

        JsonNode access = awaitLine("command-api", line -> traceId.equals(text(line, "traceId"))
                && text(line, "message").startsWith("POST /api/v1/users 201 "));
        assertThat(text(access, "requestId")).isEqualTo(requestId);
        assertThat(access.path("http").path("request").path("method").asText()).isEqualTo("POST");
        assertThat(access.path("url").path("path").asText()).isEqualTo("/api/v1/users");
        assertThat(access.path("http").path("response").path("status_code").asInt()).isEqualTo(201);
        assertThat(access.path("service").path("name").asText()).isEqualTo("command-api");

        JsonNode viewWrite = awaitLine("projections", line -> text(line, "message")
                .startsWith("users-mongo-view applied io.tributary.user.registered.v1 version 1 of " + userId));
        assertThat(text(viewWrite, "traceId")).isEqualTo(traceId);
        assertThat(text(viewWrite, "spanId")).matches("[0-9a-f]{16}").isNotEqualTo(callerSpanId);

        JsonNode welcomeMail = awaitLine("projections", line -> text(line, "message")
                .startsWith("notifications applied io.tributary.user.registered.v1 version 1 of " + userId));
        assertThat(text(welcomeMail, "traceId")).isEqualTo(traceId);
    }

    /** The first JSON line of the service's log that matches, waiting for it to be written. */
    private static JsonNode awaitLine(String service, Predicate<JsonNode> wanted) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found[0] = jsonLines(RunningSystem.logOf(service)).stream().filter(wanted).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static List<JsonNode> jsonLines(Path log) {
        try {
            return Files.readAllLines(log).stream()
                    .filter(line -> line.startsWith("{"))
                    .map(TracingIT::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("a log line that is not JSON: " + line, e);
        }
    }

    private static String text(JsonNode line, String field) {
        return line.path(field).asText("");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros, which W3C trace context forbids
        return bytes;
    }
}
