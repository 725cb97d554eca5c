package io.tributary.bench.system;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server = recordingServer();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyRequestCarriesTheTokenOfTheMomentAndAnonymousOnesNone() {
        AtomicInteger minted = new AtomicInteger();
        Api api = new Api(() -> "token-" + minted.incrementAndGet());
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/anything";

        assertThat(api.get(url).ok()).isTrue();
        assertThat(api.post(url, "{}").ok()).isTrue();
        assertThat(api.anonymous().patch(url, "{}").ok()).isTrue();
        assertThat(api.anonymous().postIdempotent(url, "{}", "key-1").ok()).isTrue();

        assertThat(authorizations).containsExactly("Bearer token-1", "Bearer token-2", "none", "none");
    }

    private HttpServer recordingServer() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            started.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                authorizations.add(Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"),
                        "none"));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            started.start();
            return started;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
