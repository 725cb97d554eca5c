package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and clients see of each service's HTTP settings: readiness names the stores the service cannot
 * serve without (and no others; the projections' also whether the views keep up), and JSON answers are gzipped for
 * clients that ask for it.
 */
class ReadinessAndCompressionIT {

    private final RunningSystem system = RunningSystem.get();

    @Test
    void eachServiceIsReadyOnlyWithTheStoresItCannotServeWithout() {
        assertThat(readinessComponents(system.commands())).containsExactlyInAnyOrder("readinessState", "db");
        assertThat(readinessComponents(system.queries())).containsExactlyInAnyOrder("readinessState", "mongo");
        assertThat(readinessComponents(system.projectionsAdmin()))
                .containsExactlyInAnyOrder("readinessState", "mongo", "elasticsearch", "viewLag");
    }

    @Test
    void jsonAnswersAreGzippedForClientsThatAcceptItProblemsAreNot() {
        for (Http service : List.of(system.commands().anonymous(), system.queries().anonymous())) {
            // The API description: JSON, tens of kilobytes.
            Http.Response gzipped = service.get("/v3/api-docs", "Accept-Encoding", "gzip");
            Http.Response plain = service.get("/v3/api-docs");
            Http.Response problem = service.get("/api/v1/products/" + java.util.UUID.randomUUID(),
                    "Accept-Encoding", "gzip");

            assertThat(plain.status()).isEqualTo(200);
            assertThat(plain.body().length()).isGreaterThan(2048);
            assertThat(plain.header("Content-Encoding")).isEmpty();
            assertThat(gzipped.header("Content-Encoding")).contains("gzip");
            assertThat(gzipped.body().length()).isLessThan(plain.body().length());
            assertThat(problem.header("Content-Type")).contains("application/problem+json");
            assertThat(problem.header("Content-Encoding")).as(problem.toString()).isEmpty();
        }
    }

    private static List<String> readinessComponents(Http service) {
        Http.Response readiness = service.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JsonNode components = readiness.json().path("components");
        components.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
