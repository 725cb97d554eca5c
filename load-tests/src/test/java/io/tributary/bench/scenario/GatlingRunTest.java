package io.tributary.bench.scenario;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GatlingRunTest {

    @Test
    void reads_the_global_figures_gatling_prints_at_the_end_of_a_run() throws IOException {
        String output;
        try (var in = getClass().getResourceAsStream("/gatling-output.txt")) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        MixedLoad.GatlingRun run = MixedLoad.GatlingRun.parse(output);

        assertThat(run.requests()).isEqualTo(25);
        assertThat(run.errors()).isEqualTo(20);
        assertThat(run.errorRate()).isEqualTo(0.8);
        assertThat(run.p50()).isEqualTo(3428);
        assertThat(run.p99()).isEqualTo(4744);
        assertThat(run.throughput()).isEqualTo(3.12);
        assertThat(run.report().getFileName()).isEqualTo(Path.of("index.html"));
    }
}
