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
 * Scenario 7: each service's resident memory (from {@code /proc}) and its heap in use right after a full GC
 * ({@code jcmd GC.run}, then {@code GC.heap_info}). The reference is the 300 MB per service.
 */
public final class Memory {

    private static final double TARGET_MB = 300;
    // G1, JDK 21: "garbage-first heap   total 65536K, used 30000K"; JDK 25: "... total reserved 393216K, committed
    // 65536K, used 30000K". The parallel collector: one line per generation, "PSYoungGen total 20480K, used 5000K"
    // and "ParOldGen total 44032K, used 12000K".
    private static final Pattern HEAP_USED = Pattern.compile("(?:heap|PSYoungGen|ParOldGen)\\s+total[^\\n]*?used (\\d+)K");

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
            double heap = heapAfterGcMegabytes(pid.get(), section);
            section.add(Figure.of(service + " RSS " + when, rss, "MB", "").against("target per service", TARGET_MB));
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

    private static double heapAfterGcMegabytes(long pid, Section section) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Command.run(List.of(jcmd.toString(), Long.toString(pid), "GC.run"), Map.of(), Duration.ofSeconds(60));
            return heapUsedMegabytes(Command.run(List.of(jcmd.toString(), Long.toString(pid), "GC.heap_info"),
                    Map.of(), Duration.ofSeconds(30)));
        } catch (Command.ToolFailedException e) {
            section.note("jcmd failed for pid " + pid + ": " + e.getMessage());
            return Double.NaN;
        }
    }

    /** The heap in use that {@code GC.heap_info} reports, over all of its generations; NaN when it names none. */
    static double heapUsedMegabytes(String heapInfo) {
        Matcher matcher = HEAP_USED.matcher(heapInfo);
        long usedKilobytes = 0;
        boolean found = false;
        while (matcher.find()) {
            usedKilobytes += Long.parseLong(matcher.group(1));
            found = true;
        }
        return found ? usedKilobytes / 1024.0 : Double.NaN;
    }
}
