package io.tributary.projections.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The CLI against a scripted fake of the service's {@code views} endpoint: what it sends, prints and exits with. */
class ViewsCliTest {

    private static final String USERS = "/actuator/views/users-mongo-view";
    private static final String SEARCH = "/actuator/views/users-search-view";

    private final FakeViewsEndpoint service = new FakeViewsEndpoint();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stopService() {
        service.stop();
    }

    @Test
    void statusPrintsARowPerViewWithTheRebuildInProgress() throws Exception {
        service.on("GET /actuator/views", 200, """
                {"views":[
                  {"name":"users-mongo-view","view":"users","store":"mongodb","active":1,"previous":null,
                   "versions":[1],"position":1234,"eventsBehind":0,"rebuild":null},
                  {"name":"users-search-view","store":"elasticsearch","active":3,"previous":2,"versions":[2,3,4],
                   "position":1234567,"somethingNew":true,
                   "rebuild":%s}
                ]}""".formatted(rebuild(4, "filling", 450_000, 1_000_000)));

        assertThat(run("status")).isEqualTo(ViewsCli.OK);

        assertThat(out()).isEqualTo("""
                VIEW               STORE          ACTIVE  PREVIOUS  VERSIONS  POSITION   BEHIND  REBUILD
                users-mongo-view   mongodb        v1      -         v1        1,234      0       -
                users-search-view  elasticsearch  v3      v2        v2 v3 v4  1,234,567  ?       \
                v4 filling  45%  450,000/1,000,000 events  12,346 ev/s  ETA 0:45
                """);
        assertThat(err()).isEmpty();
    }

    @Test
    void rebuildFollowsTheProgressUntilTheNewVersionIsActive() throws Exception {
        service.on("POST " + USERS, 200, view("users-mongo-view", 1, rebuild(2, "filling", 0, 1000)))
                .on("GET " + USERS, 200,
                        view("users-mongo-view", 1, rebuild(2, "filling", 500, 1000)),
                        view("users-mongo-view", 1, rebuild(2, "switching", 1000, 1000)),
                        view("users-mongo-view", 2, "null"));

        assertThat(run("rebuild", "users-mongo-view")).isEqualTo(ViewsCli.OK);

        assertThat(service.requests).containsExactly(
                "POST " + USERS + " {\"action\":\"rebuild\"}", "GET " + USERS, "GET " + USERS, "GET " + USERS);
        assertThat(out()).startsWith(
                "users-mongo-view v2 filling  [....................]  0%  0/1,000 events  12,346 ev/s  ETA 0:45\n");
        assertThat(out()).containsPattern(
                "\nusers-mongo-view: switched to v2 \\(1,000 events in \\d+\\.\\d s, [\\d,]+ ev/s\\)\n$");
        assertThat(err()).isEmpty();
    }

    @Test
    void aFailedRebuildEndsWithItsMessageAndExitCodeOne() throws Exception {
        service.on("POST " + USERS, 200, view("users-mongo-view", 1, rebuild(2, "filling", 0, 1000)))
                .on("GET " + USERS, 200,
                        view("users-mongo-view", 1, rebuild(2, "filling", 500, 1000)),
                        view("users-mongo-view", 1, """
                                {"version":2,"phase":"failed","done":600,"total":1000,"message":"MongoDB is down"}"""));

        assertThat(run("rebuild", "users-mongo-view")).isEqualTo(ViewsCli.FAILED);

        assertThat(err()).isEqualTo("users-mongo-view: rebuild of v2 failed: MongoDB is down\n");
        assertThat(out()).doesNotContain("switched");
    }

    @Test
    void rebuildAllReportsARefusalAndGoesOnWithTheOtherViews() throws Exception {
        service.on("GET /actuator/views", 200, "{\"views\":[%s,%s]}".formatted(
                        view("users-mongo-view", 1, "null"), view("users-search-view", 1, "null")))
                .on("POST " + USERS, 409, "{\"status\":409,\"detail\":\"a rebuild is already running\"}")
                .on("POST " + SEARCH, 200, view("users-search-view", 1, rebuild(2, "filling", 0, 10)))
                .on("GET " + SEARCH, 200, view("users-search-view", 2, "null"));

        assertThat(run("rebuild", "--all")).isEqualTo(ViewsCli.FAILED);

        assertThat(err()).isEqualTo("users-mongo-view: a rebuild is already running\n");
        assertThat(out()).contains("users-search-view: switched to v2 (10 events in ");
    }

    @Test
    void onATerminalTheProgressLinesAreRedrawnInPlace() throws Exception {
        service.on("POST " + USERS, 200, view("users-mongo-view", 1, rebuild(2, "filling", 0, 1000)))
                .on("GET " + USERS, 200,
                        view("users-mongo-view", 1, rebuild(2, "filling", 500, 1000)),
                        view("users-mongo-view", 2, "null"));

        assertThat(runOnTerminal("rebuild", "users-mongo-view")).isEqualTo(ViewsCli.OK);

        String cursorUpOneLine = "\033[1A";
        assertThat(out()).contains(cursorUpOneLine + "\033[?7lusers-mongo-view v2 filling  [##########..........]")
                .contains(cursorUpOneLine + "\033[Jusers-mongo-view: switched to v2");
    }

    @Test
    void rebuildWithAnIdRepairsOneAggregate() throws Exception {
        service.on("POST " + USERS, 200,
                "{\"view\":\"users-mongo-view\",\"id\":\"u-1\",\"events\":1234,\"versions\":[1,2]}");

        assertThat(run("rebuild", "users-mongo-view", "--id", "u-1")).isEqualTo(ViewsCli.OK);

        assertThat(service.requests).containsExactly("POST " + USERS + " {\"action\":\"repair\",\"id\":\"u-1\"}");
        assertThat(out()).isEqualTo("repaired u-1 in users-mongo-view v1, v2 from 1,234 events\n");
    }

    @Test
    void rollbackAndPruneSayWhatTheyDid() throws Exception {
        service.on("POST " + USERS, 200, view("users-mongo-view", 1, "null"),
                "{\"view\":\"users-mongo-view\",\"dropped\":[2,3]}",
                "{\"view\":\"users-mongo-view\",\"dropped\":[]}");

        assertThat(run("rollback", "users-mongo-view")).isEqualTo(ViewsCli.OK);
        assertThat(run("prune", "users-mongo-view")).isEqualTo(ViewsCli.OK);
        assertThat(run("prune", "users-mongo-view")).isEqualTo(ViewsCli.OK);

        assertThat(out()).isEqualTo("""
                users-mongo-view: active v1, previous -
                users-mongo-view: dropped v2, v3
                users-mongo-view: nothing to prune
                """);
        assertThat(service.requests).containsExactly("POST " + USERS + " {\"action\":\"rollback\"}",
                "POST " + USERS + " {\"action\":\"prune\"}", "POST " + USERS + " {\"action\":\"prune\"}");
    }

    @Test
    void verifyOfAConsistentViewExitsZero() throws Exception {
        service.on("POST " + USERS, 200, verification(true, 0, "[]"));

        assertThat(run("verify", "users-mongo-view")).isEqualTo(ViewsCli.OK);

        assertThat(service.requests).containsExactly("POST " + USERS + " {\"action\":\"verify\"}");
        assertThat(out()).isEqualTo("users-mongo-view: 12,000 documents, consistent\n");
    }

    @Test
    void verifyAllShowsTheDifferencesAndExitsOneWhenAnyViewDiffers() throws Exception {
        service.on("GET /actuator/views", 200, "{\"views\":[%s,%s]}".formatted(
                        view("users-mongo-view", 1, "null"), view("users-search-view", 1, "null")))
                .on("POST " + USERS, 200, verification(false, 2, "[\"u-7: missing\",\"u-9: behind (3 < 4)\"]"))
                .on("POST " + SEARCH, 200, verification(true, 0, "[]"));

        assertThat(run("verify", "--all")).isEqualTo(ViewsCli.FAILED);

        assertThat(out()).isEqualTo("""
                users-mongo-view: 12,000 documents, 1 missing, 0 unexpected, 2 behind, 0 different
                  u-7: missing
                  u-9: behind (3 < 4)
                users-search-view: 12,000 documents, consistent
                """);
    }

    @Test
    void anUnknownViewIsReportedWithTheServicesMessage() throws Exception {
        service.on("POST /actuator/views/nope", 404, "{\"status\":404,\"detail\":\"no view named nope\"}");

        assertThat(run("rollback", "nope")).isEqualTo(ViewsCli.FAILED);

        assertThat(err()).isEqualTo("nope: no view named nope\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void aServiceThatIsNotThereIsReportedWithItsUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;

        assertThat(run("status", "--url", url)).isEqualTo(ViewsCli.FAILED);

        assertThat(err()).isEqualTo("cannot reach the projections service at " + url + ": connection refused\n");
    }

    @Test
    void argumentsThatMakeNoCommandPrintTheUsageAndExitTwo() throws Exception {
        List<List<String>> wrong = List.of(List.of(), List.of("frobnicate"), List.of("status", "users"),
                List.of("rebuild"), List.of("rebuild", "users", "--all"), List.of("rebuild", "--all", "--id", "u-1"),
                List.of("verify", "users", "--id", "u-1"), List.of("prune", "--all"), List.of("status", "--verbose"),
                List.of("rebuild", "users", "--id"));

        for (List<String> arguments : wrong) {
            err.reset();
            assertThat(run(arguments.toArray(String[]::new))).as("%s", arguments).isEqualTo(ViewsCli.USAGE);
            assertThat(err()).as("%s", arguments).isEqualTo(ViewsCli.USAGE_TEXT);
        }
        assertThat(service.requests).isEmpty();
    }

    @Test
    void theTokenInTheEnvironmentIsSentAsABearerTokenWithEveryRequest() throws Exception {
        service.on("POST " + USERS, 200, view("users-mongo-view", 1, "null"));

        assertThat(run(Map.of("TRIBUTARY_TOKEN", " an-admins-token\n"), "rollback", "users-mongo-view"))
                .isEqualTo(ViewsCli.OK);
        assertThat(run("rollback", "users-mongo-view")).isEqualTo(ViewsCli.OK);

        assertThat(service.authorizations).containsExactly("Bearer an-admins-token", "none");
    }

    @Test
    void aRefusedTokenEndsTheRunWithWhatToSet() throws Exception {
        service.on("GET /actuator/views", 401, "{\"status\":401,\"detail\":\"Full authentication is required\"}")
                .on("POST " + USERS, 403, "{\"status\":403,\"detail\":\"Access Denied\"}");

        assertThat(run("status")).isEqualTo(ViewsCli.FAILED);
        assertThat(run(Map.of("TRIBUTARY_TOKEN", "a-customers-token"), "verify", "users-mongo-view"))
                .isEqualTo(ViewsCli.FAILED);

        assertThat(err()).isEqualTo("""
                the projections service at %1$s answered HTTP 401 to a request without a token: \
                set TRIBUTARY_TOKEN to an admin's access token
                the projections service at %1$s answered HTTP 403 to the token in TRIBUTARY_TOKEN: \
                set TRIBUTARY_TOKEN to an admin's access token
                """.formatted(service.url()));
        assertThat(out()).isEmpty();
    }

    @Test
    void theUrlIsTheOptionElseTheEnvironmentElseTheLocalRunsPort() {
        Map<String, String> env = Map.of("TRIBUTARY_PROJECTIONS_URL", "http://projections:8080/");

        assertThat(ViewsCli.baseUrl("https://elsewhere", env)).isEqualTo("https://elsewhere");
        assertThat(ViewsCli.baseUrl(null, env)).isEqualTo("http://projections:8080");
        assertThat(ViewsCli.baseUrl(null, Map.of())).isEqualTo("http://localhost:8083");
        assertThat(ViewsCli.baseUrl(null, Map.of("TRIBUTARY_PORT_OFFSET", "1000"))).isEqualTo("http://localhost:9083");
        assertThatIllegalArgumentException().isThrownBy(
                () -> ViewsCli.baseUrl(null, Map.of("TRIBUTARY_PORT_OFFSET", "a lot")));
        assertThatIllegalArgumentException().isThrownBy(() -> ViewsCli.baseUrl("localhost:8083", Map.of()));
    }

    private int run(String... arguments) throws InterruptedException {
        return run(false, arguments);
    }

    private int runOnTerminal(String... arguments) throws InterruptedException {
        return run(true, arguments);
    }

    private int run(Map<String, String> env, String... arguments) throws InterruptedException {
        return run(env, false, arguments);
    }

    private int run(boolean terminal, String... arguments) throws InterruptedException {
        return run(Map.of(), terminal, arguments);
    }

    /** Against the fake service, unless the arguments name another URL (the last {@code --url} counts). */
    private int run(Map<String, String> env, boolean terminal, String... arguments) throws InterruptedException {
        String[] withUrl = Stream.concat(Stream.of("--url", service.url()), Stream.of(arguments))
                .toArray(String[]::new);
        return new ViewsCli(env, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), terminal,
                Duration.ofMillis(5)).run(withUrl);
    }

    private String out() {
        return out.toString(UTF_8);
    }

    private String err() {
        return err.toString(UTF_8);
    }

    private static String view(String name, int active, String rebuild) {
        return """
                {"name":"%s","view":"users","store":"mongodb","active":%d,"previous":null,"versions":[1,2],
                 "position":1234,"rebuild":%s}""".formatted(name, active, rebuild);
    }

    private static String rebuild(int version, String phase, long done, long total) {
        return """
                {"version":%d,"phase":"%s","done":%d,"total":%d,"eventsPerSecond":12345.5,"etaSeconds":45,
                 "startedAt":"2026-11-26T10:00:00Z","message":null}""".formatted(version, phase, done, total);
    }

    private static String verification(boolean consistent, int behind, String examples) {
        return """
                {"view":"users","store":"mongodb","documents":12000,"missing":%d,"unexpected":0,"behind":%d,
                 "different":0,"consistent":%s,"examples":%s}""".formatted(consistent ? 0 : 1, behind, consistent,
                examples);
    }

    /** Answers each request (method and path) from a script, in turn; the last answer repeats. */
    private static final class FakeViewsEndpoint {

        private final HttpServer server;
        private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
        private final List<String> requests = new CopyOnWriteArrayList<>();
        /** Each request's {@code Authorization} header, {@code none} when it had none. */
        private final List<String> authorizations = new CopyOnWriteArrayList<>();

        FakeViewsEndpoint() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/actuator/views", this::answer);
            server.start();
        }

        FakeViewsEndpoint on(String request, int status, String... bodies) {
            Deque<Answer> answers = script.computeIfAbsent(request, any -> new ArrayDeque<>());
            Stream.of(bodies).forEach(body -> answers.add(new Answer(status, body)));
            return this;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private void answer(HttpExchange exchange) throws IOException {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            requests.add(body.isEmpty() ? request : request + " " + body);
            authorizations.add(exchange.getRequestHeaders().getOrDefault("Authorization", List.of("none")).getFirst());
            Deque<Answer> answers = script.get(request);
            Answer answer = answers == null ? new Answer(500, "{\"detail\":\"not scripted: " + request + "\"}")
                    : answers.size() > 1 ? answers.poll() : answers.peek();
            byte[] bytes = answer.body().getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        private record Answer(int status, String body) {
        }
    }
}
