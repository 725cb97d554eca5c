package io.tributary.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFilesTest {

    @Test
    void every_figure_is_written_with_its_baseline_and_ratio_in_markdown_and_json(@TempDir Path folder) throws IOException {
        BenchReport report = new BenchReport();
        report.machine().put("cores", "2");
        report.settings().put("PostgreSQL fsync", "off");
        report.section("1. Commands")
                .add(Figure.of("POST /users, 8 clients", 700, "req/s", "p50 10.0 ms").against("pgbench INSERT, 8 clients", 7000))
                .add(Figure.of("nothing to compare", 5, "ms", ""))
                .note("a note");
        report.finish();

        ReportFiles.write(report, folder, "latest");

        String markdown = Files.readString(folder.resolve("latest.md"));
        assertThat(markdown).contains("| POST /users, 8 clients | 700 req/s | p50 10.0 ms | pgbench INSERT, 8 clients | 7,000 | 0.10× |")
                .contains("| nothing to compare | 5 ms |  | — | — | — |")
                .contains("| PostgreSQL fsync | off |")
                .contains("- a note");
        JsonNode figure = new ObjectMapper().readTree(folder.resolve("latest.json").toFile())
                .path("sections").get(0).path("figures").get(0);
        assertThat(figure.path("value").asDouble()).isEqualTo(700);
        assertThat(figure.path("baselineValue").asDouble()).isEqualTo(7000);
        assertThat(figure.path("ratio").asDouble()).isEqualTo(0.1);
    }

    @Test
    void a_missing_baseline_has_no_ratio_rather_than_a_made_up_one() {
        Figure figure = Figure.of("GET /orders/{id}", 9000, "req/s", "").against("nginx, static file (not installed)", Double.NaN);

        assertThat(figure.ratio()).isNaN();
        assertThat(ReportFiles.number(figure.baselineValue())).isEqualTo("n/a");
    }
}
