package io.tributary.bench.system;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuUseTest {

    @Test
    void eachProcessIsNamedForThePartOfTheSystemItIs() {
        assertThat(CpuUse.nameOf("java -Xmx192m -jar /srv/command-api/target/command-api-0.1.0.jar"))
                .isEqualTo("command-api");
        assertThat(CpuUse.nameOf("postgres: postgres postgres 127.0.0.1(47314) idle in transaction"))
                .isEqualTo("PostgreSQL");
        assertThat(CpuUse.nameOf("java -cp /m2/de/bwaldvogel/mongo-java-server-core.jar Main")).isEqualTo("Mongo-protocol server");
        assertThat(CpuUse.nameOf("java -cp es/lib/* org.elasticsearch.bootstrap.Elasticsearch")).isEqualTo("Elasticsearch");
        assertThat(CpuUse.nameOf("/bin/sh -c true")).isEqualTo("other");
    }

    @Test
    void coresAreTicksPerSecondOfTheIntervalAndWhatTheBenchmarkDidNotUseIsOutsideIt() {
        CpuUse.Snapshot before = new CpuUse.Snapshot(0, 1_000, 0, 0, Map.of(
                1L, new CpuUse.Sample("Kafka", 100, true), 2L, new CpuUse.Sample("query-api", 50, true)));
        // Ten seconds: the machine used 1,500 ticks (1.5 cores), Kafka 300 (0.3), query-api 900 (0.9), Redis 100 new.
        CpuUse.Snapshot after = new CpuUse.Snapshot(10_000_000_000L, 2_500, 0, 0, Map.of(
                1L, new CpuUse.Sample("Kafka", 400, true), 2L, new CpuUse.Sample("query-api", 950, true),
                3L, new CpuUse.Sample("Redis", 100, true)));

        assertThat(CpuUse.between(before, after)).endsWith(
                "cores busy over 10 s: query-api 0.90, Kafka 0.30, outside the benchmark 0.20, Redis 0.10")
                .startsWith("1.50 of ");
    }

    /** A server that had run for minutes and ended meanwhile counts for what it used in the interval only. */
    @Test
    void aProcessThatEndedCountsOnlyWhatItUsedInTheInterval() {
        CpuUse.Snapshot before = new CpuUse.Snapshot(0, 0, 0, 0, Map.of(
                1L, new CpuUse.Sample("SMTP server", 40_000, true),
                2L, new CpuUse.Sample("PostgreSQL", 500, false), 3L, new CpuUse.Sample("PostgreSQL", 200, false)));
        // The SMTP server used 100 more ticks, then ended: the benchmark reaped 40,100. A backend (3) that had used
        // 200 used 50 more and ended: its parent (2) counts it, and used 100 of its own.
        CpuUse.Snapshot after = new CpuUse.Snapshot(10_000_000_000L, 400, 0, 40_100, Map.of(
                2L, new CpuUse.Sample("PostgreSQL", 850, false)));

        assertThat(CpuUse.between(before, after))
                .contains("PostgreSQL 0.15", "processes that ended (wrk, pgbench, Gatling, a stopped service) 0.10");
    }
}
