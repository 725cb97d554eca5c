package io.tributary.bench.scenario;

import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.CpuUse;
import io.tributary.bench.system.ViewLag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What one registration costs the whole system in CPU, process by process, with everything running. Two rounds, the
 * first to warm the code paths up; each first measures the system at rest for {@link #REST} (what its processes use
 * doing nothing: polling, timers), then registrations from
 * {@value #CLIENTS} clients in a closed loop (none refused, nothing queued) and a wait until every view and the e-mail
 * have taken them in, so the work each process does for them falls inside the measured interval; what the rest would
 * have used in that interval is taken off. On a machine whose cores every server shares, rest and cost bound any
 * sustained command rate: two cores carry 2,000 ms of CPU per second, whatever the latencies. The benchmark's own
 * client is reported beside the system, not in it.
 */
public final class CommandCost {

    static final int CLIENTS = 8;
    /** Parts that used less per registration are left out of the detail (not of the sum). */
    private static final double SHOWN_FROM_MS = 0.05;
    private static final Duration TAKEN_IN_LIMIT = Duration.ofSeconds(60);
    static final Duration REST = Duration.ofSeconds(5);

    private final BenchContext context;

    public CommandCost(BenchContext context) {
        this.context = context;
    }

    public void run(Section section) {
        // The first round warms the registration's code paths up; the second's cost is given against it, so a report
        // shows whether compilation still weighed on the first.
        Round warming = round(1);
        Round warm = round(2);
        if (warm.busy().isEmpty() || warm.registered() == 0) {
            section.note("The CPU per registration was not measured: " + (warm.registered() == 0
                    ? "no registration answered 2xx" : "this machine has no /proc") + ".");
            return;
        }
        Cost atRest = warm.atRest();
        Cost cost = warm.cost();
        int cores = Runtime.getRuntime().availableProcessors();
        section.add(Figure.of("CPU at rest, everything running", atRest.systemMs(), "ms per second", atRest.describe()));
        section.add(Figure.of("CPU per registration beyond the rest, " + CLIENTS + " clients in a closed loop",
                cost.systemMs(), "ms", cost.describe()).against("the first round, warming up", warming.cost().systemMs()));
        double ceiling = cost.ceiling(cores - atRest.systemMs() / 1000);
        section.add(Figure.of("registrations/s " + cores + " cores carry at that cost (the system alone)", ceiling,
                "commands/s", "").against("the freshness run's rate", Freshness.COMMANDS_PER_SECOND));
        section.note(String.format(Locale.ROOT, "CPU per registration: two rounds, each %d s at rest and %d s of "
                        + "registrations counted until %s; %,d registrations in the first round (warming up: %s), %,d "
                        + "in the second, whose figures are given; the system's processes only (the benchmark's own "
                        + "HTTP client and the rest of the machine are shown, not summed). At this cost and rest, %d "
                        + "registrations/s need %.2f of the %d cores.",
                REST.toSeconds(), context.scale().step().toSeconds(),
                warm.takenIn() ? "every view and the e-mail had taken them in"
                        : "a limit of " + TAKEN_IN_LIMIT.toSeconds() + " s (a view or the e-mail was still behind)",
                warming.registered(), warming.cost().describe(), warm.registered(), Freshness.COMMANDS_PER_SECOND,
                (atRest.systemMs() + Freshness.COMMANDS_PER_SECOND * cost.systemMs()) / 1000, cores));
    }

    /** The system at rest, then registrations until every consumer has taken them in. */
    private Round round(int number) {
        Path home = context.system().home();
        CpuUse.Snapshot restStart = CpuUse.now(home);
        Pause.sleep(REST);
        CpuUse.Snapshot before = CpuUse.now(home);
        long registered = registerFor(context.scale().step(), number);
        boolean takenIn = awaitTakenIn(context.lag());
        CpuUse.Snapshot after = CpuUse.now(home);
        return new Round(CpuUse.cpuSeconds(restStart, before), (before.nanos() - restStart.nanos()) / 1e9,
                CpuUse.cpuSeconds(before, after), (after.nanos() - before.nanos()) / 1e9, registered, takenIn);
    }

    /** CPU seconds by part at rest and while busy, and the registrations the busy interval served. */
    record Round(Map<String, Double> rest, double restSeconds, Map<String, Double> busy, double busySeconds,
                 long registered, boolean takenIn) {

        Cost atRest() {
            return Cost.of(rest, restSeconds);
        }

        Cost cost() {
            return Cost.of(beyond(busy, rest, busySeconds / restSeconds), Math.max(1, registered));
        }
    }

    /** CPU seconds beyond what each part used at rest, scaled to the busy interval ({@code times} the rest's). */
    static Map<String, Double> beyond(Map<String, Double> busy, Map<String, Double> rest, double times) {
        Map<String, Double> beyond = new LinkedHashMap<>();
        busy.forEach((part, seconds) -> beyond.put(part, Math.max(0, seconds - times * rest.getOrDefault(part, 0.0))));
        return beyond;
    }

    private long registerFor(Duration length, int round) {
        AtomicLong registered = new AtomicLong();
        long until = System.nanoTime() + length.toNanos();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                clients.submit(() -> {
                    for (int n = 0; System.nanoTime() < until; n++) {
                        String tag = "cost-" + round + "-" + id + "-" + n;
                        String body = "{\"name\":\"Cost " + round + " " + id + " " + n + "\",\"email\":\"" + tag + "@"
                                + context.runTag() + ".example.com\"}";
                        if (context.api().anonymous().post(context.commandApi() + "/api/v1/users", body).ok()) {
                            registered.incrementAndGet();
                        }
                    }
                });
            }
        }
        return registered.get();
    }

    /** Whether every consumer of the events (views and e-mail) caught up within the limit. */
    private static boolean awaitTakenIn(ViewLag lag) {
        long deadline = System.nanoTime() + TAKEN_IN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (lag.now().values().stream().allMatch(progress -> progress.behind() == 0)) {
                return true;
            }
            Pause.sleep(Duration.ofMillis(250));
        }
        return false;
    }

    /**
     * Milliseconds of CPU by part, most first: per registration, or per second at rest.
     *
     * @param system the parts of the system under test
     * @param others the benchmark's own client, processes that ended and the rest of the machine
     */
    record Cost(Map<String, Double> system, Map<String, Double> others) {

        private static final Set<String> NOT_THE_SYSTEM = Set.of(CpuUse.BENCHMARK, CpuUse.ENDED, CpuUse.OUTSIDE);

        /** @param per what the CPU seconds are divided by: the commands, or the seconds at rest */
        static Cost of(Map<String, Double> cpuSeconds, double per) {
            Map<String, Double> system = new LinkedHashMap<>();
            Map<String, Double> others = new LinkedHashMap<>();
            cpuSeconds.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(part -> (NOT_THE_SYSTEM.contains(part.getKey()) ? others : system)
                            .put(part.getKey(), part.getValue() * 1000 / per));
            return new Cost(system, others);
        }

        double systemMs() {
            return system.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Commands per second the cores carry if the system does nothing else: their free time over the cost. */
        double ceiling(double freeCores) {
            return freeCores * 1000 / systemMs();
        }

        String describe() {
            return shown(system) + "; not in the sum: " + shown(others);
        }

        private static String shown(Map<String, Double> parts) {
            return parts.entrySet().stream().filter(part -> part.getValue() >= SHOWN_FROM_MS)
                    .map(part -> String.format(Locale.ROOT, "%s %.2f", part.getKey(), part.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }
}
