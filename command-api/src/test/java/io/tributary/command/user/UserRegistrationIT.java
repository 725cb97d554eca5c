package io.tributary.command.user;

import io.tributary.command.CommandApiIntegrationTest;
import io.tributary.events.ConsistencyToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserRegistrationIT extends CommandApiIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registrationAppendsOneEventAndAnswersWithVersionAndToken() {
        ResponseEntity<Map> answer = post("{\"name\":\"  Ada Lovelace \",\"email\":\"ada@example.com\"}");

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        String id = (String) answer.getBody().get("id");
        assertThat(answer.getBody()).containsEntry("version", 1);
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/v1/users/" + id);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(answer.getHeaders().getFirst(ConsistencyToken.HEADER)).isEqualTo("user:" + id + ":1");

        Map<String, Object> stored = jdbc.queryForMap("""
                select sequence_number, type, payload_type, payload_revision, convert_from(payload, 'UTF8') as payload,
                       pg_typeof(payload)::text as payload_column
                from domain_event_entry where aggregate_identifier = ?""", id);
        assertThat(stored).containsEntry("sequence_number", 0L)
                .containsEntry("type", "User")
                .containsEntry("payload_type", "io.tributary.events.user.UserRegistered")
                .containsEntry("payload_revision", "1")
                .containsEntry("payload_column", "bytea");
        assertThat((String) stored.get("payload")).contains("\"name\":\"Ada Lovelace\"");
    }

    @Test
    void globalIndexHasNoGaps() {
        for (int i = 0; i < 5; i++) {
            assertThat(post("{\"name\":\"User " + i + "\",\"email\":\"user" + i + "@example.com\"}")
                    .getStatusCode().value()).isEqualTo(201);
        }
        List<Long> indexes = jdbc.queryForList("select global_index from domain_event_entry order by global_index", Long.class);
        assertThat(indexes.getLast() - indexes.getFirst() + 1).isEqualTo(indexes.size());
    }

    @Test
    void invalidFieldsAreAllReportedAsProblem() {
        ResponseEntity<Map> answer = post("{\"name\":\"A\",\"email\":\"not-an-email\"}");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).containsEntry("type", "urn:tributary:problem:validation");
        assertThat((List<Map<String, String>>) answer.getBody().get("errors"))
                .extracting(error -> error.get("field"))
                .containsExactlyInAnyOrder("name", "email");
    }

    @Test
    void malformedJsonAndWrongMediaTypeAreProblems() {
        ResponseEntity<Map> malformed = post("{\"name\":");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).containsEntry("type", "urn:tributary:problem:malformed-body");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<Map> wrongType = http.postForEntity("/api/v1/users", new HttpEntity<>("hello", headers), Map.class);
        assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
        assertThat(wrongType.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    private ResponseEntity<Map> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/v1/users", new HttpEntity<>(json, headers), Map.class);
    }
}
