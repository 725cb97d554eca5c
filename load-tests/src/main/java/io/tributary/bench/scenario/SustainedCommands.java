package io.tributary.bench.scenario;

import io.tributary.bench.data.DataLoader;
import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.Api;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.system.ViewDelays;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 9: commands at a fixed arrival rate with everything running, and whether the views keep up. Each rate
 * runs for its step as an open model (a command is sent on time whether or not the previous ones answered), half
 * registrations and half orders for the loaded users and products. A rate is kept up with when fewer than
 * 0.1 % of its commands fail and no view (the e-mail notifications are no view) falls more than
 * {@value #LAG_LIMIT_SECONDS} s behind. The rates rise until one is not kept up with.
 */
public final class SustainedCommands {

    static final double LAG_LIMIT_SECONDS = 2;
    private static final double ERROR_LIMIT = 0.001;
    /** An open model must not queue without bound on the client side either: beyond this, a tick counts as failed. */
    private static final int MAX_OUTSTANDING = 2_048;

    private final BenchContext context;

    public SustainedCommands(BenchContext context) {
        this.context = context;
    }

    /** @param settle waits until no view is behind, for at most its limit, and notes it otherwise */
    public void run(Section section, Runnable settle) {
        int best = 0;
        for (int rate : context.scale().sustainedRates()) {
            settle.run();
            Step step = offer(rate, context.scale().sustainedStep());
            boolean keptUp = step.errorRate() < ERROR_LIMIT && step.maxLagSeconds() < LAG_LIMIT_SECONDS;
            section.add(Figure.of(rate + " commands/s offered for " + context.scale().sustainedStep().toSeconds() + " s",
                    step.answeredPerSecond(), "commands/s", String.format(Locale.ROOT,
                            "%s; errors %.2f %%; views' lag max %s%s%s", step.latencies().describe(),
                            100 * step.errorRate(), step.lag(), step.delay().map(delay -> "; " + delay).orElse(""),
                            keptUp ? "" : " — not kept up with")));
            System.out.printf(Locale.ROOT, "  %d commands/s: %.0f/s answered, errors %.2f %%, views' lag max %.1f s%n",
                    rate, step.answeredPerSecond(), 100 * step.errorRate(), step.maxLagSeconds());
            if (!keptUp) {
                break;
            }
            best = rate;
        }
        section.add(Figure.of("highest command rate the views kept up with (lag < " + (int) LAG_LIMIT_SECONDS + " s)",
                best, "commands/s", "of the rates tried: " + context.scale().sustainedRates())
                .against("the issue's target", 600));
        section.note("Half POST /users (anonymous), half POST /orders (the benchmark's admin, for a loaded user, one to "
                + "three loaded products); open model; the views' lag is sampled once a second from the projections "
                + "service (seconds) and Kafka (records).");
    }

    private Step offer(int rate, Duration length) {
        Latencies latencies = new Latencies();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
        long commands = length.toSeconds() * rate;
        long started = System.nanoTime();
        String projections = context.system().url(BenchSystem.PROJECTIONS);
        Optional<ViewDelays.Snapshot> delaysBefore = ViewDelays.Snapshot.take(context.api(), projections);
        try (LagSampler lag = new LagSampler(context.lag(), context.api(), projections)) {
            try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
                 ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor()) {
                ticker.scheduleAtFixedRate(() -> {
                    int n = sent.getAndIncrement();
                    if (n >= commands) {
                        return;
                    }
                    if (!outstanding.tryAcquire()) {
                        failed.incrementAndGet();
                        return;
                    }
                    requests.submit(() -> {
                        try {
                            send(n, latencies, failed);
                        } finally {
                            outstanding.release();
                        }
                    });
                }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
                while (sent.get() < commands) {
                    Thread.sleep(50);
                }
                ticker.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // The lag a step leaves is part of it: sampled until the views have taken its last commands in.
            Pause.sleep(Duration.ofSeconds(2));
            Optional<ViewDelays.Snapshot> delaysAfter = ViewDelays.Snapshot.take(context.api(), projections);
            return new Step(latencies, commands, failed.get(), latencies.count() / seconds, lag.maxSeconds(),
                    lag.describe(), slowestDelay(delaysBefore, delaysAfter));
        }
    }

    /** The slowest view's own delay (from each event's recording to the view holding it) over the step. */
    private static Optional<String> slowestDelay(Optional<ViewDelays.Snapshot> before,
                                                 Optional<ViewDelays.Snapshot> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        return ViewDelays.slowestView(before.get(), after.get()).map(view -> String.format(Locale.ROOT,
                "slowest view's delay p50 %.0f ms, p99 %.0f ms (%s, %,d events)", view.getValue().percentile(50),
                view.getValue().percentile(99), view.getKey(), view.getValue().events()));
    }

    private void send(int n, Latencies latencies, AtomicInteger failed) {
        long started = System.nanoTime();
        Api.Answer answer = n % 2 == 0
                ? context.api().anonymous().post(context.commandApi() + "/api/v1/users", registration(n))
                : context.api().post(context.commandApi() + "/api/v1/orders",
                        DataLoader.orderJson(n, context.dataset().userIds(), context.dataset().productIds()));
        if (answer.ok()) {
            latencies.add((System.nanoTime() - started) / 1e6);
        } else {
            failed.incrementAndGet();
        }
    }

    private String registration(int n) {
        String tag = "sustained-" + context.scale().sustainedStep().toSeconds() + "-" + n + "-" + System.nanoTime();
        return "{\"name\":\"Sustained " + n + "\",\"email\":\"" + tag + "@" + context.runTag() + ".example.com\"}";
    }

    /**
     * One rate's outcome; {@code maxLagSeconds} is NaN when the projections did not report their lag, {@code lag}
     * names the views that lagged most, {@code delay} the view whose events waited longest to be applied.
     */
    record Step(Latencies latencies, long offered, int failed, double answeredPerSecond, double maxLagSeconds,
                String lag, Optional<String> delay) {

        double errorRate() {
            return offered == 0 ? 1 : (double) failed / offered;
        }
    }
}
