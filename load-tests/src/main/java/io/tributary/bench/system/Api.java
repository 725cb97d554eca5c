package io.tributary.bench.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tributary's public HTTP APIs as the benchmark uses them: plain JSON over HTTP/1.1, every request with the bearer
 * token of the caller, or {@link #anonymous() without one}.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Supplier<String> token;

    /** @param token asked for each request's bearer token */
    public Api(Supplier<String> token) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build(), token);
    }

    private Api(HttpClient client, Supplier<String> token) {
        this.client = client;
        this.token = token;
    }

    /**
     * The same connections without a token: for registrations (a token would link the new user to its subject, and
     * a subject owns one user at most) and for Elasticsearch's own API, whose baselines stay as they were.
     */
    public Api anonymous() {
        return new Api(client, null);
    }

    public Answer post(String url, String body) {
        return send(request(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A command that may be retried: the key makes a retry of a POST that did land answer the first result. */
    public Answer postIdempotent(String url, String body, String idempotencyKey) {
        return send(request(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Answer postNdjson(String url, String body) {
        return send(request(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Answer delete(String url) {
        return send(request(url).timeout(Duration.ofSeconds(30)).DELETE().build());
    }

    public Answer get(String url) {
        return send(request(url).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public Answer patch(String url, String body) {
        return send(request(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Answer put(String url, String body) {
        return send(request(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return token == null ? request : request.header("Authorization", "Bearer " + token.get());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    public record Answer(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public Answer orThrow(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }
}
