package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring that docker-compose provisions: Prometheus' configuration and alert rules checked, and the
 * rules' unit tests run, by Prometheus' own {@code promtool}; the Grafana dashboard reads from the provisioned
 * data source. On CI promtool must be installed; elsewhere its checks are skipped when it is missing.
 */
class MonitoringConfigTest {

    private static final Path PROMETHEUS = Path.of("..", "ops", "prometheus");
    private static final Path GRAFANA = Path.of("..", "ops", "grafana");

    @Test
    void prometheusConfigurationAndAlertRulesAreValid() throws Exception {
        Promtool.require();
        assertSucceeds(Promtool.run(null, "check", "config", PROMETHEUS.resolve("prometheus.yml").toString()));
    }

    @Test
    void everyAlertRuleFiresWhenItShouldAndOnlyThen() throws Exception {
        Promtool.require();
        assertSucceeds(Promtool.run(null, "test", "rules", PROMETHEUS.resolve("alerts.test.yml").toString()));
    }

    @Test
    void theDashboardQueriesTheProvisionedDataSource() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode dashboard = json.readTree(GRAFANA.resolve("dashboards/tributary.json").toFile());
        String dataSources = Files.readString(GRAFANA.resolve("provisioning/datasources/prometheus.yml"));

        assertThat(dashboard.path("uid").asText()).isEqualTo("tributary");
        assertThat(dashboard.path("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            String uid = panel.path("datasource").path("uid").asText();
            assertThat(dataSources).as("data source of " + panel.path("title")).contains("uid: " + uid);
        }
    }

    private static void assertSucceeds(Promtool.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
