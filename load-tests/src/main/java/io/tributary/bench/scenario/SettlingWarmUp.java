package io.tributary.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * The unmeasured rounds before a closed-loop read scenario and its baseline, repeated until the rate settles: the
 * services' JIT compiles the measured path under that load, and one round of a fixed length is not enough on a slow
 * machine: the query API's reads by id, measured for 10 s after one 10 s round, gave 663 req/s with its compiler
 * threads busy through the measurement, and measured for 30 s after one 30 s round, 2,898 req/s (nginx 47,685 and
 * 52,099 req/s beside them).
 *
 * @param rates requests per second of each round, in order
 */
record SettlingWarmUp(Duration round, List<Double> rates) {

    /** Rounds at most, whether or not the rate settled. */
    static final int MAX_ROUNDS = 6;
    /** A round whose rate is within this share of the round before it ends the warm-up. */
    static final double SETTLED = 0.10;

    /** Runs {@code round} (one round of load, answering its requests per second) until the rate settles. */
    static SettlingWarmUp run(Duration length, DoubleSupplier round) {
        List<Double> rates = new ArrayList<>();
        do {
            rates.add(round.getAsDouble());
        } while (!settled(rates) && rates.size() < MAX_ROUNDS);
        return new SettlingWarmUp(length, List.copyOf(rates));
    }

    /** Whether the last rate is within {@value #SETTLED} of the one before it. */
    static boolean settled(List<Double> rates) {
        if (rates.size() < 2) {
            return false;
        }
        double previous = rates.get(rates.size() - 2);
        double last = rates.getLast();
        return previous > 0 && Math.abs(last - previous) <= SETTLED * previous;
    }

    /** E.g. "3 rounds of 10 s (663, 2,415, 2,520 req/s), settled". */
    String describe() {
        return String.format(Locale.ROOT, "%d round%s of %d s (%s req/s), %s", rates.size(), rates.size() == 1 ? "" : "s",
                round.toSeconds(), rates.stream().map(rate -> String.format(Locale.ROOT, "%,.0f", rate))
                        .collect(Collectors.joining(", ")),
                settled(rates) ? "settled" : "not settled after " + MAX_ROUNDS + " rounds");
    }
}
