package io.tributary.bench.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    /** The benchmark's child processes that ended meanwhile: wrk, pgbench and Gatling runs, a service it stopped. */
    private static final String ENDED = "processes that ended (wrk, pgbench, Gatling, a stopped service)";
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

    /** CPU ticks so far: of the whole machine (busy), and of each group of the benchmark's processes. */
    public record Snapshot(long nanos, long machineBusy, Map<String, Long> groups) {
    }

    private CpuUse() {
    }

    /**
     * @param home the folder of the stack's data: a server that detached from the benchmark's process tree
     *             (PostgreSQL's postmaster) is found by it on its command line
     */
    public static Snapshot now(Path home) {
        Map<String, Long> groups = new TreeMap<>();
        ProcessHandle bench = ProcessHandle.current();
        long[] own = ticks(bench.pid());
        if (own != null) {
            groups.merge("benchmark (its load generators)", own[0], Long::sum);
            groups.merge(ENDED, own[1], Long::sum);
        }
        String folder = home.toAbsolutePath().toString();
        Set<Long> counted = new HashSet<>(Set.of(bench.pid()));
        Stream.concat(bench.descendants(), ProcessHandle.allProcesses()
                        .filter(process -> process.info().commandLine().orElse("").contains(folder))
                        .flatMap(process -> Stream.concat(Stream.of(process), process.descendants())))
                .filter(process -> counted.add(process.pid()))
                .forEach(process -> {
                    long[] times = ticks(process.pid());
                    if (times != null) {
                        // Its own time, and that of its children that ended (PostgreSQL's backends, a shell's tool).
                        groups.merge(group(process), times[0] + times[1], Long::sum);
                    }
                });
        return new Snapshot(System.nanoTime(), machineBusy(), groups);
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
        Map<String, Double> cores = new LinkedHashMap<>();
        double ours = 0;
        for (Map.Entry<String, Long> group : after.groups().entrySet()) {
            double used = Math.max(0, group.getValue() - before.groups().getOrDefault(group.getKey(), 0L))
                    / TICKS_PER_SECOND / seconds;
            ours += used;
            cores.put(group.getKey(), used);
        }
        double machine = (after.machineBusy() - before.machineBusy()) / TICKS_PER_SECOND / seconds;
        cores.put("outside the benchmark", Math.max(0, machine - ours));
        String parts = cores.entrySet().stream()
                .filter(part -> part.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(part -> String.format(Locale.ROOT, "%s %.2f", part.getKey(), part.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%.2f of %d cores busy over %.0f s: %s", machine,
                Runtime.getRuntime().availableProcessors(), seconds, parts);
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
