package io.tributary.bench.scenario;

import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.tools.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 7: each service's resident memory (from {@code /proc}), the heap it has committed at that moment (its
 * share of the resident memory, once touched) and its heap in use right after a full GC ({@code jcmd GC.heap_info},
 * {@code GC.run}, {@code GC.heap_info}). The reference is the 300 MB per service.
 */
public final class Memory {

    private static final double TARGET_MB = 300;
    // G1, JDK 21: "garbage-first heap   total 65536K, used 30000K"; JDK 25: "... total reserved 393216K, committed
    // 65536K, used 30000K". The parallel collector: one line per generation, "PSYoungGen total 20480K, used 5000K"
    // and "ParOldGen total 44032K, used 12000K".
    private static final String HEAP = "(?:heap|PSYoungGen|ParOldGen)\\s+total ";
    private static final Pattern HEAP_USED = Pattern.compile(HEAP + "[^\\n]*?used (\\d+)K");
    private static final Pattern HEAP_COMMITTED = Pattern.compile(HEAP + "(?:reserved \\d+K, committed )?(\\d+)K");

    private final BenchContext context;

    public Memory(BenchContext context) {
        this.context = context;
    }

    /** @param when e.g. "at rest" or "after the mixed workload" */
    public void run(Section section, String when) {
        for (String service : List.of(BenchSystem.COMMAND_API, BenchSystem.PROJECTIONS, BenchSystem.QUERY_API)) {
            Optional<Long> pid = context.system().pid(service).filter(id -> ProcessHandle.of(id).isPresent());
            if (pid.isEmpty()) {
                section.note(service + " is not running " + when + ": no memory figures.");
                continue;
            }
            double rss = processMegabytes(pid.get(), "VmRSS");
            double committed = heapCommittedMegabytes(jcmd(pid.get(), "GC.heap_info", section));
            jcmd(pid.get(), "GC.run", section);
            double heap = heapUsedMegabytes(jcmd(pid.get(), "GC.heap_info", section));
            section.add(Figure.of(service + " RSS " + when, rss, "MB", "").against("target per service", TARGET_MB));
            section.add(Figure.of(service + " heap committed " + when, committed, "MB", ""));
            section.add(Figure.of(service + " heap after GC " + when, heap, "MB", ""));
        }
    }

    /**
     * A memory figure of a process from {@code /proc/<pid>/status}: {@code VmRSS} (resident now), {@code VmHWM} (the
     * most it was resident); NaN when it cannot be read.
     */
    static double processMegabytes(long pid, String field) {
        try {
            Matcher matcher = Pattern.compile(field + ":\\s+(\\d+) kB")
                    .matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return matcher.find() ? Long.parseLong(matcher.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** What {@code jcmd <pid> <command>} prints; nothing, with a note, when it fails. */
    private static String jcmd(long pid, String command, Section section) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            return Command.run(List.of(jcmd.toString(), Long.toString(pid), command), Map.of(), Duration.ofSeconds(60));
        } catch (Command.ToolFailedException e) {
            section.note("jcmd " + command + " failed for pid " + pid + ": " + e.getMessage());
            return "";
        }
    }

    /** The heap in use that {@code GC.heap_info} reports, over all of its generations; NaN when it names none. */
    static double heapUsedMegabytes(String heapInfo) {
        return megabytes(HEAP_USED.matcher(heapInfo));
    }

    /** The heap committed that {@code GC.heap_info} reports, over all of its generations; NaN when it names none. */
    static double heapCommittedMegabytes(String heapInfo) {
        return megabytes(HEAP_COMMITTED.matcher(heapInfo));
    }

    private static double megabytes(Matcher matcher) {
        long kilobytes = 0;
        boolean found = false;
        while (matcher.find()) {
            kilobytes += Long.parseLong(matcher.group(1));
            found = true;
        }
        return found ? kilobytes / 1024.0 : Double.NaN;
    }
}
