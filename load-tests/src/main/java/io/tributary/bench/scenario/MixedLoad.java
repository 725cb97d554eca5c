package io.tributary.bench.scenario;

import io.tributary.bench.mixed.MixedWorkloadSimulation;
import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.tools.Command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        // Unmeasured, so that the first rate does not also measure the services compiling the workload's paths (a
        // user's orders, autocomplete), which the scenarios before it need not have taken.
        int warmUpRate = Math.max(1, context.scale().mixedRates().stream().mapToInt(Integer::intValue).min().orElse(0) / 2);
        Duration warmUp = context.scale().warmUp();
        try {
            gatling(warmUpRate, warmUp, results);
        } catch (Command.ToolFailedException e) {
            section.note("The warm-up at " + warmUpRate + " req/s failed: " + e.getMessage());
        }
        for (int rate : context.scale().mixedRates()) {
            GatlingRun run;
            String lagged;
            try (LagSampler lag = new LagSampler(context.lag(), context.api(), context.system().url(BenchSystem.PROJECTIONS))) {
                run = gatling(rate, context.scale().mixedStep(), results);
                lagged = lag.describe();
            } catch (Command.ToolFailedException e) {
                section.note("Gatling at " + rate + " req/s failed: " + e.getMessage());
                break;
            }
            boolean met = run.p99() < P99_LIMIT_MS && run.errorRate() < ERROR_LIMIT;
            section.add(Figure.of("mixed workload at " + rate + " req/s offered", run.throughput(), "req/s",
                    String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, errors %.2f %%, views' lag max %s%s",
                            run.p50(), run.p99(), 100 * run.errorRate(), lagged, met ? "" : " — over the limit")).noted("report: " + (run.report().isAbsolute() ? context.system().root().relativize(run.report()) : run.report())));
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
                + context.scale().mixedStep().toSeconds() + " s per rate, after " + warmUp.toSeconds() + " s unmeasured at "
                + warmUpRate + " req/s. No baseline: the limits are the classic API target.");
    }

    private GatlingRun gatling(int rate, Duration duration, Path results) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The JVM options Gatling's own launchers pass (it reads JDK internals for its stats writer), and the quick
        // compiler only, with one GC thread: Gatling shares the two cores with the services it measures, and a few
        // hundred requests a second need no optimized code.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dbench.commandApi=" + context.commandApi(), "-Dbench.queryApi=" + context.queryApi(),
                "-Dbench.rate=" + rate, "-Dbench.seconds=" + duration.toSeconds(),
                "-Dbench.data=" + context.dataset().folder(), "-Dbench.runTag=" + context.runTag(),
                "-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", MixedWorkloadSimulation.class.getName(),
                "--results-folder", results.toString(),
                "--run-description", "Tributary mixed workload at " + rate + " req/s"));
        // The token through the environment, so that it is not on the command line.
        Map<String, String> environment = Map.of(MixedWorkloadSimulation.TOKEN_VARIABLE, context.system().adminToken());
        return GatlingRun.parse(Command.run(command, environment, duration.plusMinutes(3)));
    }

    /** The global figures of one Gatling run, from the "Global Information" table it prints at the end. */
    record GatlingRun(Path report, long requests, long errors, double throughput, double p50, double p99) {

        private static final Pattern ROW = Pattern.compile("^> (.+?)\\s*\\|\\s*([0-9,.]+|-)\\s*\\|\\s*([0-9,.]+|-)\\s*\\|\\s*([0-9,.]+|-)\\s*$");
        private static final Pattern REPORT = Pattern.compile("file://(\\S+index\\.html)");

        double errorRate() {
            return requests == 0 ? 1 : (double) errors / requests;
        }

        static GatlingRun parse(String output) {
            int global = output.lastIndexOf("---- Global Information");
            if (global < 0) {
                throw new Command.ToolFailedException("Gatling printed no global statistics");
            }
            Map<String, String[]> rows = new java.util.HashMap<>();
            for (String line : output.substring(global).lines().skip(1).toList()) {
                Matcher row = ROW.matcher(line);
                if (!row.matches()) {
                    break;
                }
                rows.put(row.group(1).strip(), new String[] {row.group(2), row.group(3), row.group(4)});
            }
            Matcher report = REPORT.matcher(output);
            return new GatlingRun(report.find() ? Path.of(report.group(1)) : Path.of("(no report)"),
                    (long) number(rows, "request count", 0), (long) number(rows, "request count", 2),
                    number(rows, "mean throughput (rps)", 0), number(rows, "response time 50th percentile (ms)", 0),
                    number(rows, "response time 99th percentile (ms)", 0));
        }

        private static double number(Map<String, String[]> rows, String name, int column) {
            String[] row = rows.get(name);
            if (row == null) {
                throw new Command.ToolFailedException("Gatling's statistics lack \"" + name + "\"");
            }
            return row[column].equals("-") ? 0 : Double.parseDouble(row[column].replace(",", ""));
        }
    }
}
