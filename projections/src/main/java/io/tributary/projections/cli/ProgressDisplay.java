package io.tributary.projections.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows rebuilds until each has switched over or failed, with a progress line per view: redrawn in place on a
 * terminal, printed at most every few seconds otherwise, so that a log does not fill with progress.
 */
final class ProgressDisplay {

    private static final int BAR_WIDTH = 20;
    private static final Duration PLAIN_LINE_INTERVAL = Duration.ofSeconds(5);
    private static final String UP = "\033[%dA";
    private static final String ERASE_BELOW = "\033[J";
    private static final String ERASE_TO_LINE_END = "\033[K";
    // Lines wider than the terminal would wrap and break the count of lines to go back up; cut them off instead.
    private static final String NO_WRAP = "\033[?7l";
    private static final String WRAP = "\033[?7h";

    private final ViewsClient client;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Duration pollInterval;
    private int linesDrawn;
    private Instant lastPlainLine;

    ProgressDisplay(ViewsClient client, PrintStream out, PrintStream err, boolean terminal, Duration pollInterval) {
        this.client = client;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.pollInterval = pollInterval;
    }

    /**
     * @param started the rebuild the service started, per view, in the order to show them
     * @return true when every rebuild switched over to its new version
     */
    boolean follow(Map<String, ViewReport.Rebuild> started) throws InterruptedException {
        long start = System.nanoTime();
        List<Rebuilding> running = started.entrySet().stream()
                .map(rebuild -> new Rebuilding(rebuild.getKey(), rebuild.getValue(), start))
                .toList();
        boolean allSwitched = true;
        draw(running);
        while (!running.isEmpty()) {
            Thread.sleep(pollInterval);
            List<Rebuilding> stillRunning = new ArrayList<>();
            for (Rebuilding rebuilding : running) {
                Outcome outcome;
                try {
                    ViewReport status = client.view(rebuilding.view);
                    if (status.rebuild() != null && !status.rebuild().failed()) {
                        rebuilding.last = status.rebuild();
                        stillRunning.add(rebuilding);
                        continue;
                    }
                    outcome = rebuilding.outcome(status);
                } catch (ViewsClient.ActionRefusedException e) {
                    outcome = new Outcome(false, e.getMessage());
                }
                report(outcome);
                allSwitched &= outcome.switched();
            }
            running = stillRunning;
            draw(running);
        }
        return allSwitched;
    }

    /**
     * One view's progress line:
     * {@code users-mongo-view v2 filling  [#########...........]  45%  450,000/1,000,000 events  12,345 ev/s  ETA 0:45}
     */
    static String line(String view, ViewReport.Rebuild rebuild) {
        int filled = rebuild.total() > 0
                ? (int) Math.min(BAR_WIDTH, rebuild.done() * BAR_WIDTH / rebuild.total())
                : 0;
        return view + " v" + rebuild.version() + " " + rebuild.phase()
                + "  [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]  " + figures(rebuild);
    }

    /** The progress without the bar, for a table row: {@code v2 filling  45%  450,000/1,000,000 events  …}. */
    static String summary(ViewReport.Rebuild rebuild) {
        return "v" + rebuild.version() + " " + rebuild.phase() + "  " + figures(rebuild)
                + (rebuild.message() == null ? "" : "  " + rebuild.message());
    }

    private static String figures(ViewReport.Rebuild rebuild) {
        String events = rebuild.total() > 0
                ? String.format(Locale.ROOT, "%d%%  %,d/%,d events",
                        Math.min(100, rebuild.done() * 100 / rebuild.total()), rebuild.done(), rebuild.total())
                : String.format(Locale.ROOT, "%,d events", rebuild.done());
        String rate = String.format(Locale.ROOT, "  %,.0f ev/s", rebuild.eventsPerSecond());
        String eta = rebuild.etaSeconds() == null || rebuild.etaSeconds() < 0
                ? ""
                : "  ETA " + clock(rebuild.etaSeconds());
        return events + rate + eta;
    }

    /** {@code 0:45}, {@code 12:05}, {@code 1:02:03}. */
    static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private void draw(List<Rebuilding> running) {
        if (terminal) {
            // Overwrites the lines drawn last in place rather than erasing them first, which would flicker.
            if (linesDrawn > 0) {
                out.printf(UP, linesDrawn);
            }
            running.forEach(rebuilding -> out.println(NO_WRAP + rebuilding.line() + ERASE_TO_LINE_END + WRAP));
            linesDrawn = running.size();
        } else if (!running.isEmpty() && (lastPlainLine == null
                || Duration.between(lastPlainLine, Instant.now()).compareTo(PLAIN_LINE_INTERVAL) >= 0)) {
            running.forEach(rebuilding -> out.println(rebuilding.line()));
            lastPlainLine = Instant.now();
        }
        out.flush();
    }

    /** Prints how a rebuild ended above the progress lines, which the next {@link #draw} puts back below it. */
    private void report(Outcome outcome) {
        if (terminal && linesDrawn > 0) {
            out.printf(UP + ERASE_BELOW, linesDrawn);
            out.flush();
            linesDrawn = 0;
        }
        PrintStream stream = outcome.switched() ? out : err;
        stream.println(outcome.text());
        stream.flush();
    }

    /** How a rebuild ended: switched over to its new version, or why not. */
    private record Outcome(boolean switched, String text) {
    }

    private static final class Rebuilding {

        private final String view;
        private final int version;
        private final long startNanos;
        private ViewReport.Rebuild last;

        Rebuilding(String view, ViewReport.Rebuild started, long startNanos) {
            this.view = view;
            this.version = started.version();
            this.startNanos = startNanos;
            this.last = started;
        }

        String line() {
            return ProgressDisplay.line(view, last);
        }

        /** @param status the view once its rebuild failed or is no longer in progress */
        Outcome outcome(ViewReport status) {
            if (status.rebuild() != null) {
                return new Outcome(false, view + ": rebuild of v" + status.rebuild().version() + " failed"
                        + (status.rebuild().message() == null ? "" : ": " + status.rebuild().message()));
            }
            if (status.active() != version) {
                return new Outcome(false, view + ": the rebuild of v" + version + " is no longer in progress and v"
                        + status.active() + " is still active");
            }
            // The last progress seen may predate the final events; a rebuild that switched has done them all.
            long events = Math.max(last.done(), last.total());
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return new Outcome(true, String.format(Locale.ROOT,
                    "%s: switched to v%d (%,d events in %.1f s, %,.0f ev/s)",
                    view, version, events, seconds, events / seconds));
        }
    }
}
