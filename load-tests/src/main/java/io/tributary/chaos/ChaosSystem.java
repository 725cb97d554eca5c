package io.tributary.chaos;

import io.tributary.devstack.FreePorts;
import io.tributary.devstack.LocalStack;
import io.tributary.devstack.ServiceJar;
import io.tributary.devstack.ServiceProcess;
import io.tributary.devstack.Server;
import io.tributary.devstack.StackConfig;
import io.tributary.devstack.StackEndpoints;
import io.tributary.devstack.TestIssuer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The system the chaos run attacks: the local stack's servers on fresh data and free ports in a folder of its own,
 * and the three services as processes, each of which it can kill with SIGKILL and start again on the same port and
 * data. The services trust the test issuer of this process; the run calls them as an admin with its token.
 */
final class ChaosSystem implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final String ADMIN = "chaos-admin";

    private final Path root;
    private final Path home;
    private final LocalStack stack;
    private final Map<Target, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Target, ServiceProcess> services = new EnumMap<>(Target.class);
    private final String adminToken = TestIssuer.shared().token(ADMIN, "admin");

    private ChaosSystem(Path root, Path home, LocalStack stack) {
        this.root = root;
        this.home = home;
        this.stack = stack;
    }

    /**
     * Starts every server but Keycloak (the services trust this process's issuer instead) in {@code home}, which
     * must hold no data of an earlier run, then the three services side by side.
     */
    static ChaosSystem start(Path root, Path home) {
        EnumSet<Server> servers = EnumSet.complementOf(EnumSet.of(Server.KEYCLOAK));
        // Persistent: a server started again after a kill finds its data, as a restarted server does.
        StackConfig config = new StackConfig(home, true, servers, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        ChaosSystem system = new ChaosSystem(root, home, LocalStack.start(config));
        try {
            List<CompletableFuture<Void>> starting = List.of(Target.COMMAND_API, Target.PROJECTIONS, Target.QUERY_API)
                    .stream().map(service -> CompletableFuture.runAsync(() -> system.startService(service))).toList();
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    String url(Target service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String adminToken() {
        return adminToken;
    }

    StackEndpoints endpoints() {
        return stack.endpoints();
    }

    Path home() {
        return home;
    }

    /** Every mail the SMTP server received, as it printed them. */
    Path mailLog() {
        return stack.logDirectory().resolve("mail.log");
    }

    /** A connection to the event store, to audit it directly. */
    Connection eventStore() throws SQLException {
        StackEndpoints endpoints = stack.endpoints();
        return DriverManager.getConnection(endpoints.postgresJdbcUrl(), endpoints.postgresUser(),
                endpoints.postgresPassword());
    }

    /**
     * Whether the run may kill the target: a service always; a server only when this stack runs it as its own
     * process (never a shared server of the machine named by a {@code TRIBUTARY_*} URL).
     */
    boolean mayKill(Target target) {
        return target.server() == null || stack.runsLocally(target.server());
    }

    /** SIGKILL to the target and its child processes, as a crash would. */
    void kill(Target target) {
        if (target.server() != null) {
            stack.kill(target.server());
        } else {
            serviceOf(target).kill();
        }
    }

    /** Starts a killed target again on the same port and data; returns once it is ready (a service: UP). */
    void restart(Target target) {
        if (target.server() != null) {
            stack.restart(target.server());
        } else {
            ServiceProcess again = serviceOf(target).restart();
            synchronized (services) {
                services.put(target, again);
            }
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> running;
        synchronized (services) {
            running = List.copyOf(services.values());
            services.clear();
        }
        running.reversed().forEach(ServiceProcess::stop);
        stack.close();
        // Its HTTP server's thread would keep the JVM alive; with the services stopped nothing needs it.
        TestIssuer.shared().close();
    }

    private ServiceProcess serviceOf(Target service) {
        synchronized (services) {
            return services.get(service);
        }
    }

    private void startService(Target service) {
        int port = FreePorts.next();
        ports.put(service, port);
        Map<String, String> environment = new HashMap<>(stack.endpoints().springEnvironment());
        // The load comes from one address, far faster than a client may: attacked is the system, not its limits.
        environment.put("TRIBUTARY_RATELIMITS_ENABLED", "false");
        environment.putAll(TestIssuer.shared().springEnvironment());
        // A line per e-mail sent and per event applied, to trace a mail sent twice or a view that diverged.
        environment.put("LOGGING_LEVEL_IO_TRIBUTARY_PROJECTIONS_NOTIFICATION", "DEBUG");
        environment.put("LOGGING_LEVEL_IO_TRIBUTARY_PROJECTIONS_KAFKA", "DEBUG");
        ServiceProcess process = ServiceProcess.start(service.service(), ServiceJar.find(root, service.service()), port,
                environment, home.resolve("run").resolve(service.service() + ".log"), START_TIMEOUT);
        synchronized (services) {
            services.put(service, process);
        }
    }
}
