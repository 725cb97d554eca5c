package io.tributary.bench.scenario;

import com.sun.net.httpserver.HttpServer;
import io.tributary.bench.tools.Wrk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The scripts run by the real wrk against a server that records what each request carried. */
class WrkScriptsTest {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final HttpServer server = recordingServer();

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void asACallerEveryRequestCarriesTheTokenAndTheJsonBodiesTheirContentType() throws IOException {
        Wrk wrk = installedWrk();
        Path ids = Files.write(folder.resolve("ids.txt"), List.of("u-1", "u-2"));

        wrk.as("an-admins-token").run("place-order", WrkScripts.PLACE_ORDER, url("/api/v1/orders"), 1,
                Duration.ofSeconds(1), ids.toString(), ids.toString());
        wrk.as("an-admins-token").run("orders-by-id", WrkScripts.GET_BY_ID, url(""), 1, Duration.ofSeconds(1),
                ids.toString(), "/api/v1/orders/");

        assertThat(seen).containsExactlyInAnyOrder(
                "POST /api/v1/orders Bearer an-admins-token application/json",
                "GET /api/v1/orders/u-1 Bearer an-admins-token none",
                "GET /api/v1/orders/u-2 Bearer an-admins-token none");
    }

    @Test
    void withoutACallerNoRequestCarriesAToken() {
        Wrk wrk = installedWrk();

        wrk.run("register-user", WrkScripts.REGISTER_USER, url("/api/v1/users"), 1, Duration.ofSeconds(1), "tag");

        assertThat(seen).containsExactly("POST /api/v1/users none application/json");
    }

    private Wrk installedWrk() {
        var wrk = Wrk.find(folder.resolve("scripts"));
        assumeTrue(wrk.isPresent(), "wrk is not installed");
        return wrk.get();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private HttpServer recordingServer() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            started.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                var headers = exchange.getRequestHeaders();
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + Objects.requireNonNullElse(headers.getFirst("Authorization"), "none") + " "
                        + Objects.requireNonNullElse(headers.getFirst("Content-Type"), "none"));
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
