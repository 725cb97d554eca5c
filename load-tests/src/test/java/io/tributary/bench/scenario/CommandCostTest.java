package io.tributary.bench.scenario;

import io.tributary.bench.system.CpuUse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CommandCostTest {

    /** 1,000 registrations: the command API used 4 s of CPU, the projections 3, PostgreSQL 1, the benchmark's client 2. */
    private static final Map<String, Double> SECONDS = Map.of("command-api", 4.0, "projections", 3.0, "PostgreSQL", 1.0,
            CpuUse.BENCHMARK, 2.0, CpuUse.ENDED, 0.5, CpuUse.OUTSIDE, 0.3);

    @Test
    void theSystemsCostIsItsProcessesCpuPerCommandWithoutTheBenchmarksClientOrTheRestOfTheMachine() {
        CommandCost.Cost cost = CommandCost.Cost.of(SECONDS, 1_000);

        assertThat(cost.systemMs()).isCloseTo(8.0, within(1e-9));
        assertThat(cost.system()).containsOnlyKeys("command-api", "projections", "PostgreSQL");
        assertThat(cost.others()).containsOnlyKeys(CpuUse.BENCHMARK, CpuUse.ENDED, CpuUse.OUTSIDE);
        assertThat(cost.describe()).isEqualTo("command-api 4.00, projections 3.00, PostgreSQL 1.00; not in the sum: "
                + CpuUse.BENCHMARK + " 2.00, " + CpuUse.ENDED + " 0.50, " + CpuUse.OUTSIDE + " 0.30");
    }

    @Test
    void theFreeCoresCarryTheirTimeOverTheCost() {
        CommandCost.Cost cost = CommandCost.Cost.of(SECONDS, 1_000);

        // 8 ms a registration: 1.6 free cores' 1,600 ms a second carry 200 of them.
        assertThat(cost.ceiling(1.6)).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void whatEachPartUsesAtRestIsTakenOffForTheLengthOfTheBusyInterval() {
        // Kafka used 0.5 s in 5 s at rest; over twice that time busy it used 3 s: 2 s of it were the commands'.
        Map<String, Double> beyond = CommandCost.beyond(Map.of("Kafka", 3.0, "SMTP server", 0.1, "query-api", 0.4),
                Map.of("Kafka", 0.5, "SMTP server", 0.2), 2);

        assertThat(beyond).containsOnlyKeys("Kafka", "SMTP server", "query-api");
        assertThat(beyond.get("Kafka")).isCloseTo(2.0, within(1e-9));
        assertThat(beyond.get("SMTP server")).isZero();
        assertThat(beyond.get("query-api")).isCloseTo(0.4, within(1e-9));
    }
}
