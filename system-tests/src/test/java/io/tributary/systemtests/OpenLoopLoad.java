package io.tributary.systemtests;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Requests at a fixed arrival rate whatever the answers: an open loop, in which a slow or refusing service does not
 * slow the senders down as it would a closed loop of clients each waiting for its answer. The requests go out over as
 * many connections as those in flight need, up to {@value #MAX_OUTSTANDING}, and are answered on a few threads, so
 * the test's own share of the two cores stays small. Every answer is tallied by status, every refusal checked, and
 * latencies kept.
 */
final class OpenLoopLoad implements AutoCloseable {

    /**
     * A request unanswered for this long counts as an error. Well above what a served command may take under the
     * overload: up to 100 in flight share 20 database connections, each waited for at most 10 s before a 503.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * Requests in flight, and so connections, beyond which the next one is not sent but counted as skipped: a
     * gateway's pool of connections to one instance, below the services' server.tomcat.max-connections (512).
     */
    private static final int MAX_OUTSTANDING = 400;
    private static final Duration TICK = Duration.ofMillis(1);

    private final ExecutorService answers = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).executor(answers).build();
    private final Tally tally = new Tally();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final CountDownLatch sendingDone = new CountDownLatch(1);
    private volatile long sent;
    private volatile long sendingNanos;

    private OpenLoopLoad() {
    }

    /** Starts sending {@code perSecond} requests a second for {@code duration}, in a thread of its own. */
    static OpenLoopLoad start(Supplier<HttpRequest> requests, double perSecond, Duration duration) {
        OpenLoopLoad load = new OpenLoopLoad();
        Thread.ofPlatform().name("open-loop-sender").start(() -> load.send(requests, perSecond, duration));
        return load;
    }

    private void send(Supplier<HttpRequest> requests, double perSecond, Duration duration) {
        long start = System.nanoTime();
        long total = Math.round(perSecond * duration.toNanos() / 1e9);
        long count = 0;
        try {
            while (count < total) {
                long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * perSecond));
                for (; count < due; count++) {
                    if (outstanding.get() >= MAX_OUTSTANDING) {
                        tally.skipped.increment();
                    } else {
                        sendOne(requests.get());
                    }
                }
                LockSupport.parkNanos(TICK.toNanos());
            }
        } finally {
            sent = count;
            sendingNanos = System.nanoTime() - start;
            sendingDone.countDown();
        }
    }

    private void sendOne(HttpRequest request) {
        outstanding.incrementAndGet();
        long start = System.nanoTime();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    tally.error(failure);
                } else {
                    tally.answer(response, System.nanoTime() - start);
                }
            } finally {
                outstanding.decrementAndGet();
            }
        });
    }

    /** Blocks until the last request of the load has been sent. */
    void awaitSent() throws InterruptedException {
        sendingDone.await();
    }

    /** Requests sent per second while sending, as the sender kept up (skipped ones not counted). */
    double sentPerSecond() {
        return (sent - tally.skipped.sum()) / (sendingNanos / 1e9);
    }

    /** Blocks until every request sent has been answered or has failed, then the tally of all of them. */
    Tally awaitAnswered() throws InterruptedException {
        awaitSent();
        long deadline = System.nanoTime() + TIMEOUT.multipliedBy(2).toNanos();
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return tally;
    }

    @Override
    public void close() {
        client.close();
        answers.shutdownNow();
    }

    /** What the service answered. */
    static final class Tally {

        private static final int SAMPLES = 5;

        private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        private final LongAdder errors = new LongAdder();
        private final LongAdder badRefusals = new LongAdder();
        private final LongAdder skipped = new LongAdder();
        private final Queue<String> samples = new ConcurrentLinkedQueue<>();
        private final Queue<Long> servedNanos = new ConcurrentLinkedQueue<>();
        private final Queue<Long> refusedNanos = new ConcurrentLinkedQueue<>();

        private void answer(HttpResponse<String> response, long nanos) {
            int status = response.statusCode();
            byStatus.computeIfAbsent(status, ignored -> new LongAdder()).increment();
            if (status >= 200 && status < 300) {
                servedNanos.add(nanos);
            } else if (status == 429 || status == 503) {
                refusedNanos.add(nanos);
                if (!isWellFormedRefusal(response)) {
                    badRefusals.increment();
                    sample(status + " " + response.headers().map() + " " + response.body());
                }
            } else {
                sample(status + " " + response.headers().map() + " " + response.body());
            }
        }

        /** A problem that says its status, with whole seconds to wait in Retry-After. */
        private static boolean isWellFormedRefusal(HttpResponse<String> response) {
            boolean retryAfter = response.headers().firstValue("Retry-After")
                    .filter(value -> value.matches("[1-9][0-9]*")).isPresent();
            boolean problem = response.headers().firstValue("Content-Type")
                    .filter(type -> type.startsWith("application/problem+json")).isPresent();
            return retryAfter && problem && response.body().contains("\"status\":" + response.statusCode());
        }

        private void error(Throwable failure) {
            errors.increment();
            sample(failure.toString());
        }

        private void sample(String what) {
            if (samples.size() < SAMPLES) {
                samples.add(what);
            }
        }

        long served() {
            return byStatus.entrySet().stream().filter(entry -> entry.getKey() >= 200 && entry.getKey() < 300)
                    .mapToLong(entry -> entry.getValue().sum()).sum();
        }

        long count(int status) {
            LongAdder count = byStatus.get(status);
            return count == null ? 0 : count.sum();
        }

        /** Answers other than 2xx, 429 and 503. */
        long unexpected() {
            return byStatus.entrySet().stream()
                    .filter(entry -> (entry.getKey() < 200 || entry.getKey() >= 300) && entry.getKey() != 429
                            && entry.getKey() != 503)
                    .mapToLong(entry -> entry.getValue().sum()).sum();
        }

        long errors() {
            return errors.sum();
        }

        /** 429 or 503 answers without Retry-After or that are no problem+json. */
        long badRefusals() {
            return badRefusals.sum();
        }

        long skipped() {
            return skipped.sum();
        }

        /** Some of the unexpected answers, bad refusals and errors, for the failure message. */
        List<String> samples() {
            return List.copyOf(samples);
        }

        Duration servedPercentile(double percentile) {
            return percentile(servedNanos, percentile);
        }

        Duration refusedPercentile(double percentile) {
            return percentile(refusedNanos, percentile);
        }

        private static Duration percentile(Queue<Long> nanos, double percentile) {
            List<Long> sorted = new ArrayList<>(nanos);
            if (sorted.isEmpty()) {
                return Duration.ZERO;
            }
            sorted.sort(null);
            int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
            return Duration.ofNanos(sorted.get(Math.max(0, index)));
        }
    }
}
