package io.tributary.http.overload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The load shedding of a service on a real Tomcat, with a limit of two requests at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tributary.overload.max-concurrent-requests=2",
        "tributary.overload.max-wait=50ms",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.probes.enabled=true"})
class OverloadFilterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private TestApi api;
    @Autowired
    private AsyncDispatches asyncDispatches;

    @BeforeEach
    void holdSlowRequests() {
        api.hold();
    }

    @AfterEach
    void releaseEverything() {
        api.release();
        await().atMost(PATIENCE).until(() -> inFlight() == 0);
    }

    @Test
    void aRequestBeyondTheLimitIsShedWithAProblemAndRetryAfter() throws Exception {
        double shedBefore = shed();
        List<CompletableFuture<HttpResponse<String>>> slow = sendAsync("/api/slow", 2);
        await().atMost(PATIENCE).until(() -> inFlight() == 2);

        HttpResponse<String> refused = get("/api/fast");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:tributary:problem:overloaded");
        assertThat(problem.path("title").asText()).isEqualTo("Overloaded");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/fast");
        assertThat(problem.path("detail").asText()).contains("retry in 1 s");
        assertThat(shed()).isEqualTo(shedBefore + 1);
        // Inside the observation filter: counted with its status, at no route, since it never reached one.
        await().atMost(PATIENCE).until(() -> meters.find("http.server.requests").tag("status", "503")
                .tag("uri", "UNKNOWN").timer() != null);

        api.release();
        for (CompletableFuture<HttpResponse<String>> answer : slow) {
            assertThat(answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        await().atMost(PATIENCE).until(() -> inFlight() == 0);
        assertThat(get("/api/fast").statusCode()).isEqualTo(200);
        assertThat(shed()).isEqualTo(shedBefore + 1);
    }

    @Test
    void requestsWithinTheLimitAreServed() throws Exception {
        // One of the two permits held by a slow request; fast ones in turn find the other and are never shed.
        double shedBefore = shed();
        List<CompletableFuture<HttpResponse<String>>> slow = sendAsync("/api/slow", 1);
        await().atMost(PATIENCE).until(() -> inFlight() == 1);
        assertThat(get("/api/fast").statusCode()).isEqualTo(200);
        assertThat(get("/api/fast").statusCode()).isEqualTo(200);
        assertThat(shed()).isEqualTo(shedBefore);
        api.release();
        assertThat(slow.getFirst().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void actuatorEndpointsAreNeverShed() throws Exception {
        sendAsync("/api/slow", 2);
        await().atMost(PATIENCE).until(() -> inFlight() == 2);
        assertThat(get("/api/fast").statusCode()).isEqualTo(503);

        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/metrics/" + OverloadFilter.SHED_METRIC)) {
            assertThat(get(probe).statusCode()).as(probe).isEqualTo(200);
        }
        assertThat(inFlight()).isEqualTo(2);
    }

    @Test
    void aRequestThatFailsGivesItsPermitBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/failing").statusCode()).isEqualTo(500);
        }
        assertThat(inFlight()).isZero();
        assertThat(get("/api/fast").statusCode()).isEqualTo(200);
    }

    @Test
    void anAsynchronousRequestHoldsItsPermitUntilItIsAnswered() throws Exception {
        int dispatchedBefore = asyncDispatches.returned.get();
        List<CompletableFuture<HttpResponse<String>>> deferred = sendAsync("/api/deferred", 2);
        // The threads that started them have returned to Tomcat; the answers are still to come.
        await().atMost(PATIENCE).until(() -> asyncDispatches.returned.get() == dispatchedBefore + 2);
        assertThat(inFlight()).isEqualTo(2);
        assertThat(get("/api/fast").statusCode()).isEqualTo(503);

        api.answerDeferred();
        for (CompletableFuture<HttpResponse<String>> answer : deferred) {
            assertThat(answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).body()).isEqualTo("deferred");
        }
        await().atMost(PATIENCE).until(() -> inFlight() == 0);
        assertThat(get("/api/fast").statusCode()).isEqualTo(200);
    }

    private List<CompletableFuture<HttpResponse<String>>> sendAsync(String path, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> client.sendAsync(request(path), HttpResponse.BodyHandlers.ofString()))
                .toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(PATIENCE).build();
    }

    private double inFlight() {
        return meters.get(OverloadFilter.IN_FLIGHT_METRIC).gauge().value();
    }

    private double shed() {
        return meters.get(OverloadFilter.SHED_METRIC).counter().count();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApp {

        @Bean
        TestApi testApi() {
            return new TestApi();
        }

        @Bean
        AsyncDispatches asyncDispatches() {
            return new AsyncDispatches();
        }

        @Bean
        FilterRegistrationBean<AsyncDispatches> asyncDispatchesFilter(AsyncDispatches filter) {
            FilterRegistrationBean<AsyncDispatches> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** Endpoints that answer at once, when released, never, or later from another thread. */
    @RestController
    static class TestApi {

        private volatile CountDownLatch released = new CountDownLatch(1);
        private final List<DeferredResult<String>> pending = new CopyOnWriteArrayList<>();

        @GetMapping("/api/fast")
        String fast() {
            return "fast";
        }

        @GetMapping("/api/slow")
        String slow() throws InterruptedException {
            released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return "slow";
        }

        @GetMapping("/api/failing")
        String failing() {
            throw new IllegalStateException("failed on purpose");
        }

        @GetMapping("/api/deferred")
        DeferredResult<String> deferred() {
            DeferredResult<String> result = new DeferredResult<>(PATIENCE.toMillis());
            pending.add(result);
            return result;
        }

        void answerDeferred() {
            pending.forEach(result -> result.setResult("deferred"));
            pending.clear();
        }

        /** Before a test, while no slow request waits. */
        void hold() {
            released = new CountDownLatch(1);
        }

        void release() {
            released.countDown();
            answerDeferred();
        }
    }

    /** Counts first dispatches that returned to Tomcat with their request gone asynchronous. */
    static class AsyncDispatches extends OncePerRequestFilter {

        final AtomicInteger returned = new AtomicInteger();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                returned.incrementAndGet();
            }
        }
    }
}
