package io.tributary.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The HTTP client of the load: every exchange is recorded as a {@link Call}, whatever its outcome, so the run can
 * count server errors and tell them from the answers of a service that was down.
 */
final class ChaosHttp {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String adminToken;
    private final long startNanos;
    private final Duration timeout;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

    /** @param timeout how long one request may take before it counts as unanswered */
    ChaosHttp(String adminToken, long startNanos, Duration timeout) {
        this.adminToken = adminToken;
        this.startNanos = startNanos;
        this.timeout = timeout;
    }

    /** A POST; {@code asAdmin} false sends no token (a visitor's registration); {@code idempotencyKey} may be null. */
    Call post(Target service, String url, String json, String idempotencyKey, boolean asAdmin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (asAdmin) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return send(service, request.build());
    }

    Call get(Target service, String url) {
        return send(service, HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + adminToken).GET().build());
    }

    /** Every exchange so far. */
    Queue<Call> calls() {
        return calls;
    }

    long millisSinceStart() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private Call send(Target service, HttpRequest request) {
        long at = millisSinceStart();
        Call call;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            call = new Call(service, response.statusCode(), response.headers().firstValue("Retry-After").isPresent(),
                    response.body(), at);
        } catch (IOException e) {
            call = new Call(service, Call.NO_ANSWER, false, e.toString(), at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call = new Call(service, Call.NO_ANSWER, false, "interrupted", at);
        }
        calls.add(call);
        return call;
    }
}
