package io.tributary.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.query.support.QueryApiIT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests Tomcat refuses before Spring MVC sees them are problem+json too, never its HTML error page. */
class MalformedRequestsIT extends QueryApiIT {

    /** Sends what TestRestTemplate will not: over-long headers and encoded slashes. */
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aHeaderOverTomcatsLimitIsAProblem() throws Exception {
        HttpResponse<String> answer = RAW.send(request("/api/v1/users/" + UUID.randomUUID())
                .header("Consistency-Token", "t".repeat(10_000)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isIn(400, 431);
        assertProblem(answer, answer.statusCode());
    }

    @Test
    void anEncodedSlashInThePathIsAProblem() throws Exception {
        HttpResponse<String> answer = RAW.send(request("/api/v1/users/..%2f..%2fetc").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(answer, 400);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(http.getRootUri() + path)).timeout(Duration.ofSeconds(30));
    }

    private static void assertProblem(HttpResponse<String> answer, int status) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("urn:tributary:problem:http-" + status);
    }
}
