package io.tributary.bench.system;

import io.tributary.devstack.LocalStack;
import io.tributary.devstack.ProjectRoot;
import io.tributary.devstack.ServiceJar;
import io.tributary.devstack.ServiceProcess;
import io.tributary.devstack.StackConfig;
import io.tributary.devstack.StackEndpoints;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The system under test: the local stack's servers with fresh data in {@code .tributary/bench} (or the servers
 * named by the {@code TRIBUTARY_*} URLs), and the three services as processes on the local run's ports
 * ({@code TRIBUTARY_PORT_OFFSET} applies). The projections can be stopped and started again. The services trust
 * the test issuer of this process, and the benchmark calls them as an admin with its tokens.
 */
public final class BenchSystem implements AutoCloseable {

    public static final String COMMAND_API = "command-api";
    public static final String PROJECTIONS = "projections";
    public static final String QUERY_API = "query-api";
    private static final Map<String, Integer> PORTS = Map.of(COMMAND_API, 8081, QUERY_API, 8082, PROJECTIONS, 8083);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Path root;
    private final Path home;
    private final LocalStack stack;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final AdminToken adminToken = new AdminToken(TestIssuer.shared(), Clock.systemUTC());

    private BenchSystem(Path root, Path home, LocalStack stack) {
        this.root = root;
        this.home = home;
        this.stack = stack;
    }

    /** Starts the servers on fresh data, then the three services side by side. */
    public static BenchSystem start() {
        Path root = ProjectRoot.find();
        Path home = root.resolve(".tributary").resolve("bench");
        // Fresh data every run; the unpacked server binaries stay, which saves minutes per start.
        for (String data : List.of("postgres", "kafka", "mongo", "mail", "logs", "run", "elasticsearch/data", "elasticsearch/logs")) {
            deleteRecursively(home.resolve(data));
        }
        StackConfig local = StackConfig.local();
        // Every server but Keycloak: the services trust the benchmark's own token issuer (see startService).
        EnumSet<Server> servers = EnumSet.copyOf(local.servers());
        servers.remove(Server.KEYCLOAK);
        StackConfig config = new StackConfig(home, true, servers, local.postgresPort(), local.kafkaPort(),
                local.kafkaControllerPort(), local.mongoPort(), local.elasticsearchPort(),
                local.elasticsearchTransportPort(), local.smtpPort(), local.keycloakPort(), local.redisPort());
        BenchSystem system = new BenchSystem(root, home, LocalStack.start(config));
        try {
            List<CompletableFuture<Void>> starting = Stream.of(COMMAND_API, PROJECTIONS, QUERY_API)
                    .map(name -> CompletableFuture.runAsync(() -> system.startService(name))).toList();
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    public StackEndpoints endpoints() {
        return stack.endpoints();
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** An admin's access token with at least half an hour to live. */
    public String adminToken() {
        return adminToken.current();
    }

    /** The services' APIs as the admin. */
    public Api api() {
        return new Api(adminToken::current);
    }

    public Path home() {
        return home;
    }

    public Path root() {
        return root;
    }

    public Path logOf(String service) {
        return home.resolve("run").resolve(service + ".log");
    }

    /** The SMTP server's log: every mail it received, one {@code Subject:} line each. */
    public Path mailLog() {
        return home.resolve("logs").resolve("mail.log");
    }

    /** The process id of a running service, from the pid file its launcher wrote. */
    public Optional<Long> pid(String service) {
        Path pidFile = home.resolve("run").resolve(service + ".pid");
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public synchronized boolean running(String name) {
        return services.containsKey(name);
    }

    public synchronized void stopService(String name) {
        ServiceProcess service = services.remove(name);
        if (service != null) {
            service.stop();
        }
    }

    public void startService(String name) {
        Map<String, String> environment = new HashMap<>(stack.endpoints().springEnvironment());
        // The load comes from one address, far faster than a client may: measured is the system, not its limits.
        environment.put("TRIBUTARY_RATELIMITS_ENABLED", "false");
        // The benchmark's own issuer rather than the stack's Keycloak: the same validation, without its start.
        environment.putAll(TestIssuer.shared().springEnvironment());
        ServiceProcess service = ServiceProcess.start(name, ServiceJar.find(root, name), port(name), environment,
                logOf(name), START_TIMEOUT);
        synchronized (this) {
            services.put(name, service);
        }
    }

    @Override
    public synchronized void close() {
        // Side by side: each takes seconds to shut down gracefully, and none needs another to stop.
        List<ServiceProcess> running = List.copyOf(services.values());
        services.clear();
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            running.forEach(service -> stopping.submit(service::stop));
        }
        stack.close();
        // Its HTTP server's thread would keep the benchmark's JVM alive; with the services stopped nothing needs it.
        TestIssuer.shared().close();
    }

    private static int port(String service) {
        return PORTS.get(service) + StackConfig.portOffset();
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
