package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        requirePromtool();
        assertSucceeds("promtool", "check", "config", PROMETHEUS.resolve("prometheus.yml").toString());
    }

    @Test
    void everyAlertRuleFiresWhenItShouldAndOnlyThen() throws Exception {
        requirePromtool();
        assertSucceeds("promtool", "test", "rules", PROMETHEUS.resolve("alerts.test.yml").toString());
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

    private static void requirePromtool() throws InterruptedException {
        boolean installed = runs("promtool", "--version");
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "promtool (Debian package prometheus) is not installed on this machine");
        }
        assertThat(installed).as("promtool must be installed on CI").isTrue();
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private static void assertSucceeds(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
