package io.tributary.bench.system;

import io.tributary.bench.report.Section;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a scenario: each part of the system the benchmark started (its process tree,
 * grouped by what each process is), the benchmark's own load generators, and the rest of the machine, in cores used
 * on average. On a machine whose cores are all in use, this is what shows which part bounds a figure. Read from
 * {@code /proc}; elsewhere there is nothing to report.
 */
public final class CpuUse {

    /** Clock ticks per second of {@code /proc}'s CPU times (USER_HZ), 100 on every Linux the benchmark runs on. */
    private static final double TICKS_PER_SECOND = 100;
    public static final String BENCHMARK = "benchmark (its load generators)";
    /** The benchmark's child processes that ended meanwhile: wrk, pgbench and Gatling runs, a service it stopped. */
    public static final String ENDED = "processes that ended (wrk, pgbench, Gatling, a stopped service)";
    /** The rest of the machine: what no process of the benchmark's system used. */
    public static final String OUTSIDE = "outside the benchmark";
    private static final List<Map.Entry<String, String>> NAMES = List.of(
            Map.entry("command-api", "command-api"),
            Map.entry("projections", "projections"),
            Map.entry("query-api", "query-api"),
            Map.entry("org.elasticsearch", "Elasticsearch"),
            Map.entry("kafka", "Kafka"),
            Map.entry("bwaldvogel", "Mongo-protocol server"),
            Map.entry("greenmail", "SMTP server"),
            Map.entry("redis-server", "Redis"),
            Map.entry("keycloak", "Keycloak"),
            Map.entry("postgres", "PostgreSQL"),
            Map.entry("wrk", "wrk"),
            Map.entry("pgbench", "pgbench"),
            Map.entry("nginx", "nginx"));

    /**
     * CPU ticks so far: of the whole machine (busy), of the benchmark itself, of its child processes that ended
     * (reaped), and of each process of the system by process id.
     */
    public record Snapshot(long nanos, long machineBusy, long benchmark, long endedChildren,
                           Map<Long, Sample> processes) {
    }

    /**
     * A process's CPU ticks: its own and its ended children's.
     *
     * @param benchmarkChild whether the benchmark started it, so that its ticks go to the benchmark's ended children
     *                       when it ends (else to its parent's, in the same part of the system)
     */
    public record Sample(String group, long ticks, boolean benchmarkChild) {
    }

    private CpuUse() {
    }

    /**
     * @param home the folder of the stack's data: a server that detached from the benchmark's process tree
     *             (PostgreSQL's postmaster) is found by it on its command line
     */
    public static Snapshot now(Path home) {
        ProcessHandle bench = ProcessHandle.current();
        long[] own = ticks(bench.pid());
        String folder = home.toAbsolutePath().toString();
        Map<Long, Sample> processes = new HashMap<>();
        Stream.concat(bench.descendants(), ProcessHandle.allProcesses()
                        .filter(process -> process.info().commandLine().orElse("").contains(folder))
                        .flatMap(process -> Stream.concat(Stream.of(process), process.descendants())))
                .filter(process -> process.pid() != bench.pid() && !processes.containsKey(process.pid()))
                .forEach(process -> {
                    long[] times = ticks(process.pid());
                    if (times != null) {
                        boolean child = process.parent().map(parent -> parent.pid() == bench.pid()).orElse(false);
                        processes.put(process.pid(), new Sample(group(process), times[0] + times[1], child));
                    }
                });
        return new Snapshot(System.nanoTime(), machineBusy(), own == null ? 0 : own[0], own == null ? 0 : own[1],
                processes);
    }

    /** Notes in {@code section}, after {@code prefix}, where the CPU went since {@code before}; nothing without /proc. */
    public static void note(Section section, String prefix, Snapshot before, Path home) {
        String use = between(before, now(home));
        if (!use.isEmpty()) {
            section.note(prefix + ": " + use + ".");
        }
    }

    /**
     * "Cores used on average" from {@code before} to {@code after}, most first: the machine's, then each group's
     * and the rest of the machine's; empty where {@code /proc} is not there.
     */
    public static String between(Snapshot before, Snapshot after) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        if (seconds <= 0 || after.machineBusy() < 0 || before.machineBusy() < 0) {
            return "";
        }
        String parts = cpuSeconds(before, after).entrySet().stream()
                .filter(part -> part.getValue() / seconds >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(part -> String.format(Locale.ROOT, "%s %.2f", part.getKey(), part.getValue() / seconds))
                .collect(Collectors.joining(", "));
        double machine = (after.machineBusy() - before.machineBusy()) / TICKS_PER_SECOND / seconds;
        return String.format(Locale.ROOT, "%.2f of %d cores busy over %.0f s: %s", machine,
                Runtime.getRuntime().availableProcessors(), seconds, parts);
    }

    /**
     * CPU seconds each part of the system, the benchmark and the rest of the machine ({@value #OUTSIDE}) used from
     * {@code before} to {@code after}; empty where {@code /proc} is not there.
     */
    public static Map<String, Double> cpuSeconds(Snapshot before, Snapshot after) {
        if (after.machineBusy() < 0 || before.machineBusy() < 0) {
            return Map.of();
        }
        Map<String, Long> ticks = new TreeMap<>();
        ticks.put(BENCHMARK, after.benchmark() - before.benchmark());
        after.processes().forEach((pid, sample) -> {
            Sample earlier = before.processes().get(pid);
            ticks.merge(sample.group(), sample.ticks() - (earlier == null ? 0 : earlier.ticks()), Long::sum);
        });
        // A process that ended took its last ticks with it into its parent's count: what it had used before this
        // interval is no part of the interval.
        long endedBefore = 0;
        for (Map.Entry<Long, Sample> gone : before.processes().entrySet()) {
            if (!after.processes().containsKey(gone.getKey())) {
                if (gone.getValue().benchmarkChild()) {
                    endedBefore += gone.getValue().ticks();
                } else {
                    ticks.merge(gone.getValue().group(), -gone.getValue().ticks(), Long::sum);
                }
            }
        }
        ticks.merge(ENDED, after.endedChildren() - before.endedChildren() - endedBefore, Long::sum);
        Map<String, Double> seconds = new LinkedHashMap<>();
        double ours = 0;
        for (Map.Entry<String, Long> group : ticks.entrySet()) {
            double used = Math.max(0, group.getValue()) / TICKS_PER_SECOND;
            ours += used;
            seconds.put(group.getKey(), used);
        }
        double machine = (after.machineBusy() - before.machineBusy()) / TICKS_PER_SECOND;
        seconds.put(OUTSIDE, Math.max(0, machine - ours));
        return seconds;
    }

    static String group(ProcessHandle process) {
        String command = process.info().commandLine().orElse(process.info().command().orElse(""));
        return nameOf(command);
    }

    static String nameOf(String commandLine) {
        for (Map.Entry<String, String> name : NAMES) {
            if (commandLine.contains(name.getKey())) {
                return name.getValue();
            }
        }
        return "other";
    }

    /** A process's own CPU ticks and its ended children's, from {@code /proc/<pid>/stat}; null if it is gone. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name, in parentheses, may hold spaces: the fields after it are counted from its end.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[]{Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Busy ticks of all cores since boot (user, nice, system, irq, softirq, steal), -1 without {@code /proc}. */
    private static long machineBusy() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[]{1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
