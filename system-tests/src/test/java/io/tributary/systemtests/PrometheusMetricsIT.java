package io.tributary.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each running service exposes at {@code /actuator/prometheus} is read by Prometheus' own {@code promtool check
 * metrics}: it must parse, and none of Tributary's own metrics ({@code tributary_…}) may break Prometheus' naming
 * rules. The libraries' metrics (JVM, Tomcat, Kafka client) keep their names, which promtool lints but parses. On CI
 * promtool must be installed; elsewhere the check is skipped when it is missing.
 */
class PrometheusMetricsIT {

    /** promtool's exit code when the exposition parsed and only lint rules were broken. */
    private static final int LINT_PROBLEMS_ONLY = 3;

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-api", "query-api", "projections"})
    void theExpositionParsesAndTributarysOwnMetricsFollowPrometheusNaming(String service) throws Exception {
        Promtool.require();
        Http http = switch (service) {
            case "command-api" -> system.commands();
            case "query-api" -> system.queries();
            default -> system.projectionsAdmin();
        };
        Http.Response metrics = http.get("/actuator/prometheus");
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);

        Promtool.Result check = Promtool.run(metrics.body(), "check", "metrics");

        assertThat(check.exitCode()).as(check.output()).isIn(0, LINT_PROBLEMS_ONLY);
        if (service.equals("command-api")) {
            // Every command's outcome, by command type (the system's warm-up registered a user).
            assertThat(metrics.body().lines().filter(line -> line.contains("RegisterUser")).toList())
                    .as(metrics.body().lines().filter(line -> line.startsWith("commandBus")).limit(40).toList().toString())
                    .anyMatch(line -> line.startsWith("commandBus_successCounter_total{"));
            // Not Axon's capacity gauges: each keeps every handling time of the last ten minutes in memory.
            assertThat(metrics.body().lines()
                    .filter(line -> line.matches("(commandBus|eventProcessor)_capacity\\b.*")).toList()).isEmpty();
            // The relay's backlog, measured a few seconds after the start; -1 until then.
            assertThat(metrics.body()).containsPattern("(?m)^tributary_relay_backlog_events(\\{[^}]*})? -?\\d")
                    .containsPattern("(?m)^tributary_relay_backlog_seconds(\\{[^}]*})? -?\\d");
            // How often a command finds its aggregate in memory rather than reading it from the event store.
            assertThat(metrics.body()).containsPattern("(?m)^cache_gets_total\\{[^}]*cache=\"aggregates\"[^}]*result=\"hit\"")
                    .containsPattern("(?m)^cache_gets_total\\{[^}]*cache=\"aggregates\"[^}]*result=\"miss\"");
        }
        if (!service.equals("projections")) {
            // The HTTP APIs publish latency buckets, from which Prometheus computes percentiles across replicas.
            assertThat(metrics.body()).contains("http_server_requests_seconds_bucket{");
        }
        assertThat(check.output().lines().filter(line -> line.startsWith("tributary_")).toList()).as(check.output())
                .isEmpty();
        // Spring Security's observations (a timer per filter, per authentication, per authorization, on every
        // request) are off: the HTTP server's own observation measures each request once.
        assertThat(metrics.body().lines().filter(line -> line.startsWith("spring_security_")).toList()).isEmpty();
    }
}
