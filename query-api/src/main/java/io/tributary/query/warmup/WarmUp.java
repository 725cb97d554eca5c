package io.tributary.query.warmup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Before the instance reports itself ready, it sends itself a few requests that pass every layer a client's request
 * passes: the filters, the token decoder, the rate limits, the near cache, Redis, MongoDB, Elasticsearch and the
 * problem answers. Spring Boot turns readiness on only after the application runners returned.
 * <p>
 * Why: each of those layers does its expensive first-time work (loading hundreds of classes, fetching the issuer's
 * signing keys, connecting to Redis) on its first request. A fresh instance that gets a full load at once did that
 * work for dozens of requests together on a busy machine, and its first reads outlived their stores' time limits: the
 * circuit breakers opened, and a new replica answered 503 to everything for its first half minute.
 * <p>
 * The requests are anonymous reads (and one with an unsigned token, refused as a client's would be), so the warm-up
 * changes nothing. A failing request is logged, never fatal: a store that is down at start is the health checks'
 * business.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final String NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
    /**
     * A token of the right shape whose signature no key of the issuer matches: refused with 401, after the decoder
     * fetched the issuer's configuration and keys.
     */
    private static final String UNSIGNED_TOKEN = base64Url("{\"alg\":\"RS256\",\"kid\":\"warm-up\"}") + "."
            + base64Url("{\"sub\":\"warm-up\"}") + "." + base64Url("warm-up");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** What the warm-up asks, and through which layers. */
    static final List<Probe> PROBES = List.of(
            new Probe("/api/v1/products/" + NO_SUCH_ID, null),          // near cache, Redis, MongoDB, 404 problem
            new Probe("/api/v1/products?q=warm-up", null),              // Elasticsearch search, facets, highlights
            new Probe("/api/v1/products/suggest?prefix=wa", null),      // Elasticsearch completion
            new Probe("/api/v1/orders/" + NO_SUCH_ID, UNSIGNED_TOKEN)); // token decoder, issuer keys, 401 problem

    private final WarmUpProperties properties;
    private final Environment environment;
    private volatile Map<String, Integer> lastStatuses = Map.of();

    WarmUp(WarmUpProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String port = environment.getProperty("local.server.port");
        if (!properties.enabled() || port == null) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + properties.maxDuration().toNanos();
        Map<String, Integer> statuses = new TreeMap<>();
        int sent = 0;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build()) {
            for (int round = 0; round < properties.rounds() && System.nanoTime() < deadline; round++) {
                for (Probe probe : PROBES) {
                    statuses.put(probe.path(), send(client, port, probe));
                    sent++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lastStatuses = Map.copyOf(statuses);
        log.info("Warmed up with {} requests of its own in {} ms; last answers: {}", sent,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), statuses);
    }

    /** The last status of each warm-up request (-1: no answer), for tests. */
    Map<String, Integer> lastStatuses() {
        return lastStatuses;
    }

    private static int send(HttpClient client, String port, Probe probe) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path()))
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "tributary-warm-up");
        if (probe.token() != null) {
            request.header("Authorization", "Bearer " + probe.token());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            log.debug("Warm-up request {} failed: {}", probe.path(), e.toString());
            return -1;
        }
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    record Probe(String path, String token) {
    }
}
