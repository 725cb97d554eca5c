package io.tributary.projections;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorEndpointsIT extends ProjectionsIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    List<Projection> projections;

    @Test
    void healthCoversBothViewStores() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().path("components").path("mongo").path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().path("components").path("elasticsearch").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesTheProgressOfEveryProjection() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);

        assertThat(projections).isNotEmpty().allSatisfy(projection -> assertThat(metrics)
                .containsPattern("tributary_projection_position\\{[^}]*projection=\"" + projection.name() + "\""));
    }

    @Test
    void servesNothingButTheActuator() {
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
