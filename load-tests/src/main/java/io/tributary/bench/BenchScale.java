package io.tributary.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much data and how long each measurement runs. {@code full} is the scale the figures are quoted at;
 * {@code quick} is a smoke run of every scenario at a small scale, whose figures are too short to quote.
 *
 * @param step          length of one closed-loop measurement (one wrk or pgbench run)
 * @param catchUpLimit  how long the catch-up waits for each view before it reports the rate it reached
 * @param mixedStep     length of one arrival rate of the mixed workload
 * @param mixedRates    arrival rates (requests/s) the mixed workload tries, lowest first
 * @param sustainedStep  length of one command rate of scenario 9
 * @param sustainedRates command rates (commands/s) scenario 9 tries, lowest first
 */
public record BenchScale(String mode, int users, int products, int orders, List<Integer> clients, Duration step,
                         Duration catchUpLimit, Duration freshness, Duration mixedStep, List<Integer> mixedRates,
                         int rebuildEvents, Duration sustainedStep, List<Integer> sustainedRates) {

    public static BenchScale full() {
        return new BenchScale("full", 100_000, 10_000, 100_000, List.of(1, 8, 32, 64), Duration.ofSeconds(15),
                Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(60), List.of(100, 200, 400, 600, 800, 1200),
                1_000_000, Duration.ofSeconds(60), List.of(200, 400, 600, 800));
    }

    public static BenchScale quick() {
        return new BenchScale("quick", 300, 100, 300, List.of(8), Duration.ofSeconds(2),
                Duration.ofSeconds(20), Duration.ofSeconds(3), Duration.ofSeconds(6), List.of(50), 5_000,
                Duration.ofSeconds(4), List.of(100));
    }

    /**
     * Overrides from the environment, e.g. for a reduced full run: {@code BENCH_USERS}, {@code BENCH_PRODUCTS},
     * {@code BENCH_ORDERS}, {@code BENCH_STEP_SECONDS}, {@code BENCH_CATCH_UP_SECONDS}, {@code BENCH_MIXED_SECONDS}, {@code BENCH_MIXED_RATES}, {@code BENCH_REBUILD_EVENTS},
     * {@code BENCH_SUSTAINED_SECONDS}, {@code BENCH_SUSTAINED_RATES}.
     */
    public BenchScale withEnvironment() {
        return new BenchScale(mode, env("BENCH_USERS", users), env("BENCH_PRODUCTS", products), env("BENCH_ORDERS", orders),
                clients, Duration.ofSeconds(env("BENCH_STEP_SECONDS", (int) step.toSeconds())),
                Duration.ofSeconds(env("BENCH_CATCH_UP_SECONDS", (int) catchUpLimit.toSeconds())), freshness,
                Duration.ofSeconds(env("BENCH_MIXED_SECONDS", (int) mixedStep.toSeconds())), rates("BENCH_MIXED_RATES", mixedRates),
                env("BENCH_REBUILD_EVENTS", rebuildEvents),
                Duration.ofSeconds(env("BENCH_SUSTAINED_SECONDS", (int) sustainedStep.toSeconds())),
                rates("BENCH_SUSTAINED_RATES", sustainedRates));
    }

    /**
     * How long to wait for the views to catch up between scenarios before going on regardless: in a full run as
     * long as the catch-up itself may take, so that the reads measure the read path and not a view's backlog.
     */
    public Duration settleLimit() {
        return mode.equals("quick") ? Duration.ofSeconds(15) : catchUpLimit;
    }

    /**
     * How long to wait before the first commands are measured for the command API's relay and order sagas to work
     * off the data load: a quick run does not wait, as it measures nothing worth comparing.
     */
    public Duration commandSideLimit() {
        return mode.equals("quick") ? Duration.ZERO : catchUpLimit;
    }

    /**
     * One round of the unmeasured load before a closed-loop read scenario and its baseline, as long as one measurement;
     * rounds repeat until the rate settles (see {@code SettlingWarmUp}), so that the services' JIT has compiled the
     * path being measured (two seconds left the query API at a third of its steady rate).
     */
    public Duration warmUp() {
        return step;
    }

    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("mode", mode);
        described.put("users / products / orders loaded", "%,d / %,d / %,d".formatted(users, products, orders));
        described.put("clients (scenario 1)", clients.toString());
        described.put("one closed-loop measurement", step.toSeconds() + " s");
        described.put("catch-up limit per view", catchUpLimit.toSeconds() + " s");
        described.put("freshness run", freshness.toSeconds() + " s at 200 commands/s");
        described.put("mixed workload", mixedRates + " req/s, " + mixedStep.toSeconds() + " s each");
        described.put("rebuild (scenario 8)", "%,d events".formatted(rebuildEvents));
        described.put("sustained commands (scenario 9)", sustainedRates + " commands/s, " + sustainedStep.toSeconds() + " s each");
        return described;
    }

    /** Comma-separated rates from the environment, e.g. {@code BENCH_MIXED_RATES=25,50,100}. */
    private static List<Integer> rates(String variable, List<Integer> fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback
                : java.util.Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
