package io.tributary.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.bench.mixed.MixedWorkloadSimulation;
import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.tools.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scenario 2: the Gatling mixed workload at rising arrival rates, one Gatling run (its own JVM, its HTML report
 * under {@code load-tests/target/gatling}) per rate, until p99 reaches {@value #P99_LIMIT_MS} ms or errors reach
 * 0.1 %. Reports each rate and the highest that met both, with the views' lag sampled meanwhile.
 */
public final class MixedLoad {

    private static final double P99_LIMIT_MS = 200;
    private static final double ERROR_LIMIT = 0.001;

    private final BenchContext context;

    public MixedLoad(BenchContext context) {
        this.context = context;
    }

    public void run(Section section) {
        Path results = context.system().root().resolve("load-tests").resolve("target").resolve("gatling");
        int best = 0;
        for (int rate : context.scale().mixedRates()) {
            GatlingRun run;
            long maxRecords;
            double maxSeconds;
            try (LagSampler lag = new LagSampler(context.lag(), context.api(), context.system().url(BenchSystem.PROJECTIONS))) {
                run = gatling(rate, results);
                maxRecords = lag.maxRecords();
                maxSeconds = lag.maxSeconds();
            } catch (Command.ToolFailedException e) {
                section.note("Gatling at " + rate + " req/s failed: " + e.getMessage());
                break;
            }
            boolean met = run.p99() < P99_LIMIT_MS && run.errorRate() < ERROR_LIMIT;
            section.add(Figure.of("mixed workload at " + rate + " req/s offered", run.throughput(), "req/s",
                    String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, errors %.2f %%, views' lag max %,d records / %s s%s",
                            run.p50(), run.p99(), 100 * run.errorRate(), maxRecords,
                            Double.isNaN(maxSeconds) ? "n/a" : String.format(Locale.ROOT, "%.1f", maxSeconds),
                            met ? "" : " — over the limit")).noted("report: " + context.system().root().relativize(run.report())));
            System.out.printf(Locale.ROOT, "  mixed workload at %d req/s: p99 %.0f ms, errors %.2f %%%n", rate, run.p99(), 100 * run.errorRate());
            if (!met) {
                break;
            }
            best = rate;
        }
        section.add(Figure.of("highest arrival rate with p99 < 200 ms and errors < 0.1 %", best, "req/s",
                "of the rates tried: " + context.scale().mixedRates()));
        section.note("80 % reads (30 % order by id, 20 % a user's orders, 20 % product search, 10 % autocomplete), "
                + "20 % commands (10 % register user, 10 % place order); open model, "
                + context.scale().mixedStep().toSeconds() + " s per rate. No baseline: the limits are the classic API target.");
    }

    private GatlingRun gatling(int rate, Path results) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The JVM options Gatling's own launchers pass: it reads JDK internals for its stats writer.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "-Dbench.commandApi=" + context.commandApi(), "-Dbench.queryApi=" + context.queryApi(),
                "-Dbench.rate=" + rate, "-Dbench.seconds=" + context.scale().mixedStep().toSeconds(),
                "-Dbench.data=" + context.dataset().folder(), "-Dbench.runTag=" + context.runTag(),
                "-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", MixedWorkloadSimulation.class.getName(),
                "--results-folder", results.toString(),
                "--run-description", "Tributary mixed workload at " + rate + " req/s"));
        Command.run(command, Map.of(), context.scale().mixedStep().plusMinutes(3));
        Path report = newestRun(results);
        return GatlingRun.read(report);
    }

    private static Path newestRun(Path results) {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(Files::isDirectory)
                    .max(Comparator.comparing(path -> path.toFile().lastModified()))
                    .orElseThrow(() -> new Command.ToolFailedException("Gatling wrote no report into " + results));
        } catch (IOException e) {
            throw new Command.ToolFailedException("cannot read Gatling's results in " + results + ": " + e.getMessage());
        }
    }

    /** The global figures of one Gatling run, from its report's {@code js/stats.json}. */
    record GatlingRun(Path report, long requests, long errors, double throughput, double p50, double p99) {

        double errorRate() {
            return requests == 0 ? 1 : (double) errors / requests;
        }

        static GatlingRun read(Path report) {
            try {
                JsonNode stats = new ObjectMapper().readTree(report.resolve("js").resolve("stats.json").toFile()).path("stats");
                return new GatlingRun(report.resolve("index.html"),
                        stats.path("numberOfRequests").path("total").asLong(),
                        stats.path("numberOfRequests").path("ko").asLong(),
                        stats.path("meanNumberOfRequestsPerSecond").path("total").asDouble(),
                        stats.path("percentiles1").path("total").asDouble(),
                        stats.path("percentiles4").path("total").asDouble());
            } catch (IOException e) {
                throw new Command.ToolFailedException("Gatling's stats are unreadable in " + report + ": " + e.getMessage());
            }
        }
    }
}
