package io.tributary.projections;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ActuatorEndpointsIT extends ProjectionsIntegrationTest {

    /**
     * The operations this context has: they show the projections' state and re-drive dead letters, so only an admin
     * may call them. The views and viewcheck endpoints exist only with an event store, and fall under the same rule
     * (every actuator endpoint but health and prometheus).
     */
    private static final List<String> OPERATIONS = List.of("GET /actuator/deadletters",
            "POST /actuator/deadletters/" + USERS_TOPIC + ".dlt", "GET /actuator/projections");

    @Autowired
    List<Projection> projections;

    /** Every view caught up, which the views of this shared context may still be doing after an earlier test. */
    @Test
    void healthCoversBothViewStoresAndTheViewsLag() {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
            assertThat(health.getBody().path("components").path("mongo").path("status").asText()).isEqualTo("UP");
            assertThat(health.getBody().path("components").path("elasticsearch").path("status").asText()).isEqualTo("UP");
            assertThat(health.getBody().path("components").path("viewLag").path("status").asText()).isEqualTo("UP");
        });
    }

    @Test
    void prometheusExposesTheProgressAndTheDelayOfEveryProjection() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);

        assertThat(projections).isNotEmpty().allSatisfy(projection -> assertThat(metrics)
                .containsPattern("tributary_projection_position\\{[^}]*projection=\"" + projection.name() + "\"")
                .containsPattern("tributary_projection_delay_seconds_bucket\\{[^}]*projection=\""
                        + projection.name() + "\"[^}]*le=\"0.001\""));
    }

    @Test
    void theOperationsNeedAnAdminsToken() {
        for (String operation : OPERATIONS) {
            HttpMethod method = HttpMethod.valueOf(operation.substring(0, operation.indexOf(' ')));
            String path = operation.substring(operation.indexOf(' ') + 1);
            ResponseEntity<String> anonymous = http.exchange(path, method, HttpEntity.EMPTY, String.class);
            ResponseEntity<String> customer = httpAs("alice", "customer").exchange(path, method, HttpEntity.EMPTY, String.class);

            assertThat(anonymous.getStatusCode()).as(operation).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(operation).startsWith("Bearer");
            assertThat(anonymous.getHeaders().getContentType()).as(operation).hasToString("application/problem+json");
            assertThat(customer.getStatusCode()).as(operation).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(customer.getBody()).as(operation).contains("urn:tributary:problem:forbidden");
        }
        assertThat(operator().getForEntity("/actuator/projections", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(operator().getForEntity("/actuator/deadletters", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTokenForAnotherApiOrAForgedOneIsRefused() {
        for (String token : List.of(ISSUER.tokenForAnotherAudience("operator", "admin"),
                ISSUER.forgedToken("operator", "admin"))) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(token);
            ResponseEntity<String> answer = http.exchange("/actuator/projections", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void servesNothingButTheActuator() {
        assertThat(operator().getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(operator().getForEntity("/api/v1/users", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
