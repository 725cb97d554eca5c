package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.devstack.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ten times what a service can serve, offered for a while: the service refuses what it cannot serve at once with
 * 503 problem+json and Retry-After, stays alive, keeps its heap well within its maximum, and serves at its usual
 * latency again within seconds after the load stops. The load lasts {@value #DEFAULT_SECONDS} s by default;
 * {@code -Dtributary.overload.seconds=30} (or {@code TRIBUTARY_OVERLOAD_SECONDS=30}) gives the full half minute of
 * the reliability requirement.
 * <p>
 * The load goes out over at most 400 connections, as through a gateway's pool (see {@link OpenLoopLoad}). The system
 * tests' services run with their rate limits off (see {@link RunningSystem}): every refusal here is the overload
 * shedding, not the per-client limit a single address sending this fast would otherwise run into first.
 */
class OverloadIT {

    private static final int DEFAULT_SECONDS = 15;
    private static final Duration LOAD = Duration.ofSeconds(Long.parseLong(System.getProperty(
            "tributary.overload.seconds",
            System.getenv().getOrDefault("TRIBUTARY_OVERLOAD_SECONDS", Integer.toString(DEFAULT_SECONDS)))));
    private static final int OVERLOAD_FACTOR = 10;
    /** Clients of the closed loop that measures the capacity: enough to keep two cores busy, under either limit. */
    private static final int CAPACITY_CLIENTS = 16;
    private static final Duration CAPACITY_MEASUREMENT = Duration.ofSeconds(4);
    private static final int LATENCY_SAMPLES = 30;
    /** Requests in a row that answer at their unloaded latency: the service has recovered. */
    private static final int RECOVERED_RUN = 10;
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);
    private static final Duration LIVENESS_INTERVAL = Duration.ofMillis(250);
    /** After a full GC the HTTP APIs hold 40–80 MB of their 192 MiB; two thirds of it would be a leak or a queue. */
    private static final double HEAP_SHARE_LIMIT = 2.0 / 3;
    private static final double MIB = 1 << 20;

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
    }

    /**
     * Overloaded with autocomplete, a read that asks Elasticsearch each time. A read by id answered from the near
     * cache costs the service less than it costs this test to send it, so on a machine the two share the sender could
     * not offer ten times the service's capacity, and whether the service shed anything depended on who got the
     * cores. A full-text search would be the costliest read, but the longer a hundred of them queue in Elasticsearch
     * the nearer they come to the store's time limit, and a tripped breaker would be a test of something else.
     */
    @Test
    void theQueryApiShedsTenTimesItsCapacityAndRecovers() throws Exception {
        String word = "overload" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response added = system.commands().postJson("/api/v1/products", """
                {"sku":"%s","name":"Storm lantern %s","description":"A lantern that stays lit in a gale",\
                "category":"outdoor","price":{"amount":"24.00","currency":"EUR"},"initialStock":10}"""
                .formatted(word.toUpperCase(), word));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String path = "/api/v1/products/suggest?prefix=" + word;
        await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get(path).body().contains(word));
        URI search = URI.create(system.queryApi.baseUrl() + path);
        Supplier<HttpRequest> read = () -> HttpRequest.newBuilder(search).timeout(OpenLoopLoad.TIMEOUT).GET().build();

        overload(system.queryApi, "GET /api/v1/products/suggest?prefix={word}", read, 200);
    }

    @Test
    void theCommandApiShedsTenTimesItsCapacityAndRecovers() throws Exception {
        URI users = URI.create(system.commandApi.baseUrl() + "/api/v1/users");
        Supplier<HttpRequest> registration = () -> HttpRequest.newBuilder(users)
                .header("Content-Type", "application/json").timeout(OpenLoopLoad.TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(registrationJson())).build();

        overload(system.commandApi, "POST /api/v1/users without a token", registration, 201);

        // The registrations it did accept go on to the views; the classes after this one expect them caught up.
        awaitProjectionsCaughtUp();
    }

    private static void overload(ServiceProcess service, String what, Supplier<HttpRequest> requests, int served)
            throws Exception {
        try (HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            Duration unloaded = unloadedLatency(probe, requests, served);
            double capacity = capacity(requests, served);
            double offered = OVERLOAD_FACTOR * capacity;

            OpenLoopLoad.Tally tally;
            double sentPerSecond;
            Recovery recovery;
            Liveness liveness = Liveness.sample(service);
            try (OpenLoopLoad load = OpenLoopLoad.start(requests, offered, LOAD)) {
                load.awaitSent();
                recovery = awaitRecovery(probe, requests, served, unloaded);
                tally = load.awaitAnswered();
                sentPerSecond = load.sentPerSecond();
            } finally {
                liveness.stop();
            }
            double heapAfterGc = heapAfterFullGc(service);
            double heapMax = isAlive(service) ? heapMetric(service, "jvm.memory.max") : Double.NaN;

            System.out.printf("""
                            Overload of %s, %s:
                              capacity (closed loop, %d clients, %d s): %.0f requests/s, unloaded latency p50 %.1f ms
                              offered: %.0f requests/s for %d s; sent %.0f/s, %d skipped (the test's own limit)
                              answers: %d served (2xx), %d 429, %d 503, %d other, %d connection errors
                              latency: served p50 %d ms, p99 %d ms; shed p50 %d ms, p99 %d ms
                              liveness: %s
                              recovery: %s
                              heap after a full GC: %.0f MiB of %.0f MiB
                            """, service.name(), what, CAPACITY_CLIENTS, CAPACITY_MEASUREMENT.toSeconds(), capacity,
                    millis(unloaded), offered, LOAD.toSeconds(), sentPerSecond, tally.skipped(), tally.served(),
                    tally.count(429), tally.count(503), tally.unexpected(), tally.errors(),
                    tally.servedPercentile(50).toMillis(), tally.servedPercentile(99).toMillis(),
                    tally.refusedPercentile(50).toMillis(), tally.refusedPercentile(99).toMillis(),
                    liveness,
                    recovery == null ? "none within " + RECOVERY_LIMIT.toSeconds() + " s" : recovery,
                    heapAfterGc / MIB, heapMax / MIB);

            assertThat(tally.unexpected()).as("answers other than 2xx, 429, 503: %s", tally.samples()).isZero();
            assertThat(tally.badRefusals()).as("refusals without Retry-After or problem: %s", tally.samples()).isZero();
            assertThat(tally.errors()).as("requests without an answer: %s", tally.samples()).isZero();
            assertThat(tally.count(503) + tally.count(429)).as("refused under overload").isPositive();
            assertThat(tally.served()).as("served under overload").isPositive();
            liveness.assertAlive();
            assertThat(recovery).as("served at the unloaded latency within %s after the load", RECOVERY_LIMIT)
                    .isNotNull();
            assertThat(heapAfterGc).as("heap after a full GC (NaN: the service died), of %.0f MiB", heapMax / MIB)
                    .isLessThan(HEAP_SHARE_LIMIT * heapMax);
        }
    }

    /** The median of requests one at a time, after as many to warm up. */
    private static Duration unloadedLatency(HttpClient probe, Supplier<HttpRequest> requests, int served)
            throws IOException, InterruptedException {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 2 * LATENCY_SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = probe.send(requests.get(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(served);
            if (i >= LATENCY_SAMPLES) {
                nanos.add(System.nanoTime() - start);
            }
        }
        return median(nanos);
    }

    /** Requests served per second by a closed loop of clients, each sending its next request once answered. */
    private static double capacity(Supplier<HttpRequest> requests, int served) throws Exception {
        LongAdder answered = new LongAdder();
        Queue<String> refused = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + CAPACITY_MEASUREMENT.toNanos();
        long start = System.nanoTime();
        List<Future<?>> loops = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService clients = Executors.newFixedThreadPool(CAPACITY_CLIENTS)) {
            for (int i = 0; i < CAPACITY_CLIENTS; i++) {
                loops.add(clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        HttpResponse<String> answer = client.send(requests.get(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == served) {
                            answered.increment();
                        } else {
                            refused.add(answer.statusCode() + " " + answer.body());
                        }
                    }
                    return null;
                }));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Future<?> loop : loops) {
            loop.get();
        }
        assertThat(refused).as("answers while measuring the capacity").isEmpty();
        return answered.sum() / seconds;
    }

    /**
     * From the moment the load stops (its last requests still being answered): requests one at a time until
     * {@value #RECOVERED_RUN} in a row are served with a median latency within three times the unloaded one plus
     * 5 ms; null if that takes longer than the limit.
     */
    private static Recovery awaitRecovery(HttpClient probe, Supplier<HttpRequest> requests, int served,
                                          Duration unloaded) throws InterruptedException {
        long stopped = System.nanoTime();
        Duration bound = unloaded.multipliedBy(3).plusMillis(5);
        Deque<long[]> run = new ArrayDeque<>(); // start and duration of each request of the current run
        while (System.nanoTime() - stopped < RECOVERY_LIMIT.toNanos()) {
            long start = System.nanoTime();
            int status;
            try {
                status = probe.send(requests.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            if (status != served) {
                run.clear();
                continue;
            }
            run.addLast(new long[]{start, System.nanoTime() - start});
            if (run.size() > RECOVERED_RUN) {
                run.removeFirst();
            }
            if (run.size() == RECOVERED_RUN) {
                Duration median = median(run.stream().map(request -> request[1]).toList());
                if (median.compareTo(bound) <= 0) {
                    return new Recovery(Duration.ofNanos(run.getFirst()[0] - stopped), median, bound);
                }
            }
        }
        return null;
    }

    /** The heap in use right after a full collection, which {@code jcmd} asks the service's JVM for; NaN if it died. */
    private static double heapAfterFullGc(ServiceProcess service) throws IOException, InterruptedException {
        if (!isAlive(service)) {
            return Double.NaN;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "GC.run")
                .redirectErrorStream(true).start();
        String output = new String(gc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gc.waitFor()).as(output).isZero();
        return heapMetric(service, "jvm.memory.used");
    }

    private static boolean isAlive(ServiceProcess service) {
        return ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static double heapMetric(ServiceProcess service, String name) {
        Http.Response answer = system.asAdmin(service).get("/actuator/metrics/" + name + "?tag=area:heap");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("measurements").get(0).get("value").asDouble();
    }

    private static void awaitProjectionsCaughtUp() {
        Http.Response marker = system.register(registrationJson());
        assertThat(marker.status()).as(marker.toString()).isEqualTo(201);
        String path = "/api/v1/users/" + marker.json().get("id").asText();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (system.queries().get(path).status() != 200) {
                return false;
            }
            JsonNode projections = system.projectionsAdmin().get("/actuator/projections").json();
            for (JsonNode projection : projections) {
                if (projection.path("eventsBehind").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private static String registrationJson() {
        return "{\"name\":\"Overload\",\"email\":\"overload-" + UUID.randomUUID() + "@example.com\"}";
    }

    private static Duration median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return Duration.ofNanos(sorted.get(sorted.size() / 2));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private record Recovery(Duration after, Duration median, Duration bound) {

        @Override
        public String toString() {
            return "%d ms after the load, %d requests in a row at a median of %.1f ms (bound %.1f ms)"
                    .formatted(after.toMillis(), RECOVERED_RUN, millis(median), millis(bound));
        }
    }

    /**
     * The service's liveness, asked every {@link #LIVENESS_INTERVAL} on a connection of its own and judged as the
     * Kubernetes probe of {@code ops/kubernetes/base} judges it: an answer within {@value #PROBE_TIMEOUT_SECONDS} s,
     * and a restart only after {@value #PROBE_FAILURE_THRESHOLD} probes in a row failed. Every answer must be 200, and
     * never may that many in a row go unanswered.
     */
    private static final class Liveness {

        private static final int PROBE_TIMEOUT_SECONDS = 3;
        private static final int PROBE_FAILURE_THRESHOLD = 3;

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final Queue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        private final LongAdder samples = new LongAdder();
        private final LongAdder unanswered = new LongAdder();
        private final AtomicInteger unansweredInARow = new AtomicInteger();
        private final AtomicInteger mostUnansweredInARow = new AtomicInteger();
        private final AtomicLong slowestNanos = new AtomicLong();

        static Liveness sample(ServiceProcess service) {
            Liveness liveness = new Liveness();
            HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(PROBE_TIMEOUT_SECONDS)).build();
            liveness.timer.scheduleWithFixedDelay(() -> liveness.ask(request), 0, LIVENESS_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            return liveness;
        }

        private void ask(HttpRequest request) {
            long start = System.nanoTime();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    wrongAnswers.add(Integer.toString(status));
                }
                unansweredInARow.set(0);
                slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            } catch (HttpTimeoutException e) {
                unanswered.increment();
                mostUnansweredInARow.accumulateAndGet(unansweredInARow.incrementAndGet(), Math::max);
            } catch (IOException e) {
                wrongAnswers.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            samples.increment();
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            client.close();
        }

        void assertAlive() {
            assertThat(wrongAnswers()).as("liveness answers other than 200").isEmpty();
            assertThat(mostUnansweredInARow.get()).as("liveness probes in a row unanswered within %d s",
                    PROBE_TIMEOUT_SECONDS).isLessThan(PROBE_FAILURE_THRESHOLD);
        }

        @Override
        public String toString() {
            return "%d samples, %d not 200, %d unanswered within %d s (at most %d in a row), slowest answer %d ms"
                    .formatted(samples.sum(), wrongAnswers.size(), unanswered.sum(), PROBE_TIMEOUT_SECONDS,
                            mostUnansweredInARow.get(), Duration.ofNanos(slowestNanos.get()).toMillis());
        }

        private List<String> wrongAnswers() {
            return List.copyOf(wrongAnswers);
        }
    }
}
