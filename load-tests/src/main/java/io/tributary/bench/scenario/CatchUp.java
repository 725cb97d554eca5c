package io.tributary.bench.scenario;

import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.system.ViewLag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scenario 3: with a backlog written while the projections were stopped, starts them and times each view (a
 * Kafka consumer group) from its first committed record until it is caught up, and the e-mails from the first
 * to the last one the SMTP server received. A view still behind at the limit reports the rate it reached.
 */
public final class CatchUp {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final BenchContext context;

    public CatchUp(BenchContext context) {
        this.context = context;
    }

    /**
     * Starts the (stopped) projections and follows them; answers the views' progress at the end.
     *
     * @param backlog what was written while the projections were stopped, e.g. "100,000 commands"
     */
    public void run(Section section, String backlog) {
        ViewLag lag = context.lag();
        Map<String, ViewLag.Progress> before = lag.now();
        System.out.println("3. Behind when the projections start: " + before);
        long mailsBefore = mailsSent(context.system().mailLog());
        long started = System.nanoTime();
        context.system().startService(BenchSystem.PROJECTIONS);
        double startSeconds = (System.nanoTime() - started) / 1e9;
        section.note(String.format(Locale.ROOT, "Backlog: %s written while the projections were stopped; "
                + "the projections service took %.1f s to start (not counted in the rates).", backlog, startSeconds));

        Map<String, Long> firstProgress = new HashMap<>();
        Map<String, Long> caughtUp = new HashMap<>();
        Map<String, ViewLag.Progress> last = before;
        long firstMail = 0;
        long lastMail = 0;
        long mails = mailsBefore;
        long deadline = System.nanoTime() + context.scale().catchUpLimit().toNanos();
        // A view's backlog is taken from its progress as well as from the lag read at the start, which some runs read as
        // none: no view is judged caught up before it had time to start.
        long earliestEnd = System.nanoTime() + GRACE.toNanos();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            last = lag.now();
            for (Map.Entry<String, ViewLag.Progress> view : last.entrySet()) {
                ViewLag.Progress then = before.getOrDefault(view.getKey(), new ViewLag.Progress(0, 0, false));
                if (view.getValue().processed() > then.processed()) {
                    firstProgress.putIfAbsent(view.getKey(), now);
                }
                if (view.getValue().running() && view.getValue().behind() == 0 && firstProgress.containsKey(view.getKey())) {
                    caughtUp.putIfAbsent(view.getKey(), now);
                }
            }
            long mailsNow = mailsSent(context.system().mailLog());
            if (mailsNow > mails) {
                firstMail = firstMail == 0 ? now : firstMail;
                lastMail = now;
                mails = mailsNow;
            }
            if (now > earliestEnd && !last.isEmpty() && caughtUp.keySet().containsAll(withWork(last, before).keySet())) {
                break;
            }
            sleep(POLL);
        }
        long end = System.nanoTime();
        Baselines baselines = baselines(section);
        for (Map.Entry<String, ViewLag.Progress> view : withWork(last, before).entrySet()) {
            String name = view.getKey();
            long processed = view.getValue().processed() - before.getOrDefault(name, new ViewLag.Progress(0, 0, false)).processed();
            Long from = firstProgress.get(name);
            Long until = caughtUp.getOrDefault(name, end);
            double seconds = from == null ? Double.NaN : Math.max(POLL.toNanos(), until - from) / 1e9;
            Figure figure = Figure.of("view " + name + " catch-up", processed / seconds, "events/s",
                    from == null ? "no record committed within the limit"
                            : String.format(Locale.ROOT, "%,d records in %.1f s", processed, seconds));
            Figure measured = figure;
            figure = baselines.forView(name).map(pair -> measured.against(pair.name(), pair.value())).orElse(figure);
            if (!caughtUp.containsKey(name)) {
                figure = figure.noted(String.format(Locale.ROOT, "still %,d behind after the %d s limit",
                        view.getValue().behind(), context.scale().catchUpLimit().toSeconds()));
            }
            section.add(figure);
        }
        long sent = mails - mailsBefore;
        double mailSeconds = firstMail == 0 ? Double.NaN : Math.max(POLL.toNanos(), lastMail - firstMail) / 1e9;
        section.add(Figure.of("e-mails sent to the SMTP server", sent / mailSeconds, "mails/s",
                String.format(Locale.ROOT, "%,d mails in %.1f s (counted in the SMTP server's log)", sent, mailSeconds))
                .against("raw SMTP sends, one connection", baselines.smtp()));
    }

    /** The views that had a backlog when the projections started, or processed records since; the others idled. */
    private static Map<String, ViewLag.Progress> withWork(Map<String, ViewLag.Progress> now,
                                                          Map<String, ViewLag.Progress> before) {
        Map<String, ViewLag.Progress> views = new java.util.TreeMap<>(now);
        views.entrySet().removeIf(view -> {
            ViewLag.Progress then = before.get(view.getKey());
            return then != null && then.behind() == 0 && view.getValue().processed() == then.processed();
        });
        return views;
    }

    /** Measured after the views caught up (or gave up), so the baselines do not compete with them. */
    private Baselines baselines(Section section) {
        RawBulkWrites raw = new RawBulkWrites(context.api().anonymous());
        int documents = Math.min(context.scale().users(), 50_000);
        var endpoints = context.system().endpoints();
        double mongo = measure(section, "MongoDB insertMany", () -> raw.mongoInsertMany(endpoints.mongoUri(), documents));
        double elasticsearch = measure(section, "Elasticsearch _bulk", () -> raw.elasticsearchBulk(endpoints.elasticsearchUrl(), documents));
        double smtp = measure(section, "SMTP", () -> raw.smtpSend(endpoints.smtpServer(), Math.min(documents, 2_000)));
        section.note(String.format(Locale.ROOT, "Baselines: %,d user-shaped documents in batches of 1,000 into a scratch "
                + "MongoDB collection and a scratch Elasticsearch index on the same servers; %,d mails over one SMTP connection.",
                documents, Math.min(documents, 2_000)));
        return new Baselines(mongo, elasticsearch, smtp);
    }

    private static double measure(Section section, String what, java.util.function.DoubleSupplier baseline) {
        try {
            return baseline.getAsDouble();
        } catch (RuntimeException e) {
            section.note(what + " baseline failed: " + e.getMessage());
            return Double.NaN;
        }
    }

    /** Which store a view writes to, told by its consumer group's name. */
    private record Baselines(double mongo, double elasticsearch, double smtp) {

        Optional<Pair> forView(String view) {
            String name = view.toLowerCase(Locale.ROOT);
            if (name.contains("mongo")) {
                return Optional.of(new Pair("MongoDB insertMany, same server", mongo));
            }
            if (name.contains("search") || name.contains("index")) {
                return Optional.of(new Pair("Elasticsearch _bulk, same server", elasticsearch));
            }
            if (name.contains("notif") || name.contains("mail")) {
                return Optional.of(new Pair("raw SMTP sends, one connection", smtp));
            }
            return Optional.empty();
        }
    }

    private record Pair(String name, double value) {
    }

    /** Every message the dev stack's SMTP server received is printed to its log with one Subject line. */
    static long mailsSent(Path mailLog) {
        if (!Files.exists(mailLog)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(mailLog)) {
            return lines.filter(line -> line.startsWith("Subject: ")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
