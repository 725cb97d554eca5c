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
        CpuUse.Snapshot before = new CpuUse.Snapshot(0, 1_000, Map.of("Kafka", 100L, "query-api", 50L));
        // Ten seconds: the machine used 1,500 ticks (1.5 cores), Kafka 300 (0.3), query-api 900 (0.9), Redis 100 new.
        CpuUse.Snapshot after = new CpuUse.Snapshot(10_000_000_000L, 2_500,
                Map.of("Kafka", 400L, "query-api", 950L, "Redis", 100L));

        assertThat(CpuUse.between(before, after)).endsWith(
                "cores busy over 10 s: query-api 0.90, Kafka 0.30, outside the benchmark 0.20, Redis 0.10")
                .startsWith("1.50 of ");
    }
}
