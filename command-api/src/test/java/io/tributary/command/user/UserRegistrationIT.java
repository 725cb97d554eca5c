package io.tributary.command.user;

import io.tributary.command.CommandApiIntegrationTest;
import io.tributary.events.ConsistencyToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings({"rawtypes", "unchecked"})
class UserRegistrationIT extends CommandApiIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registrationAppendsOneEventAndAnswersWithVersionAndToken() {
        ResponseEntity<Map> answer = register("Ada Lovelace", "ada-" + UUID.randomUUID() + "@example.com");

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
        String marker = "gapless-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(register("User " + i, marker + "-" + i + "@example.com").getStatusCode().value()).isEqualTo(201);
        }
        // Other tests may append at the same time, so only this test's registrations are compared.
        List<Long> indexes = jdbc.queryForList("""
                select global_index from domain_event_entry
                where convert_from(payload, 'UTF8') like ? order by global_index""", Long.class, "%" + marker + "%");
        assertThat(indexes).hasSize(5);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where global_index between ? and ?",
                Long.class, indexes.getFirst(), indexes.getLast()))
                .isEqualTo(indexes.getLast() - indexes.getFirst() + 1);
    }

    @Test
    void invalidFieldsAreAllReportedAsProblem() {
        ResponseEntity<Map> answer = register("A", "not-an-email");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).containsEntry("type", "urn:tributary:problem:validation");
        assertThat((List<Map<String, String>>) answer.getBody().get("errors"))
                .extracting(error -> error.get("field"))
                .containsExactlyInAnyOrder("name", "email");
    }

    @Test
    void aNameWithAControlCharacterIsRefusedAndNothingIsStored() {
        String email = "nul-" + UUID.randomUUID() + "@example.com";
        ResponseEntity<Map> answer = register("Ada\\u0000Lovelace", email);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat((List<Map<String, String>>) answer.getBody().get("errors"))
                .extracting(error -> error.get("field"))
                .containsExactly("name");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                Long.class, "%" + email + "%")).isZero();
    }

    @Test
    void malformedJsonAndWrongMediaTypeAreProblems() {
        ResponseEntity<Map> malformed = post("/api/v1/users", "{\"name\":");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).containsEntry("type", "urn:tributary:problem:malformed-body");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<Map> wrongType = http.postForEntity("/api/v1/users", new HttpEntity<>("hello", headers), Map.class);
        assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
        assertThat(wrongType.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    private ResponseEntity<Map> register(String name, String email) {
        return post("/api/v1/users", "{\"name\":\"%s\",\"email\":\"%s\"}".formatted(name, email));
    }
}
