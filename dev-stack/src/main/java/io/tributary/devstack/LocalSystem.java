package io.tributary.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local run: {@code up} starts the seven servers and the three services; {@code stack} only the servers.
 * Data stays in {@code .tributary/}; a {@link ServiceSupervisor} restarts a service that crashes; Ctrl-C stops
 * everything. A second launcher refuses to start while the first runs; after a crash of the launcher the next one
 * stops the orphaned services and reuses the servers and their data.
 */
public final class LocalSystem {

    private static final List<Service> SERVICES = List.of(
            new Service("command-api", 8081), new Service("projections", 8083), new Service("query-api", 8082));
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);

    private LocalSystem() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "up" : args[0];
        if (!command.equals("up") && !command.equals("stack")) {
            System.err.println("usage: LocalSystem up|stack");
            System.exit(2);
        }
        Path root = ProjectRoot.find();
        StackConfig config = StackConfig.local();
        Path runDir = config.home().resolve("run");
        try {
            claimLauncher(runDir);
            stopOrphanedServices(runDir);
        } catch (StackException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }

        List<ServiceProcess> services = new ArrayList<>();
        ServiceSupervisor supervisor = new ServiceSupervisor(System.err::println);
        LocalStack[] stack = new LocalStack[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Tributary...");
            supervisor.stop();
            if (stack[0] != null) {
                stack[0].close();
            }
            ChildProcess.deletePidFile(runDir.resolve("launcher.pid"));
            stopped.countDown();
            System.out.println("Stopped.");
        }, "tributary-stop"));

        try {
            System.out.println("Starting PostgreSQL, Kafka, Elasticsearch, the Mongo-protocol server, an SMTP server,"
                    + " Keycloak and Redis (data in " + config.home() + ")...");
            stack[0] = LocalStack.start(config);
            StackEndpoints endpoints = stack[0].endpoints();
            if (command.equals("up")) {
                System.out.println("Starting command-api, projections and query-api...");
                for (Service service : SERVICES) {
                    ServiceProcess started = ServiceProcess.start(service.name(), service.jar(root),
                            service.port() + StackConfig.portOffset(),
                            endpoints.springEnvironment(), runDir.resolve(service.name() + ".log"),
                            SERVICE_START_TIMEOUT);
                    services.add(started);
                    supervisor.supervise(started);
                }
            }
            printSummary(endpoints, services, config);
        } catch (StackException e) {
            System.err.println("\n" + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static void printSummary(StackEndpoints endpoints, List<ServiceProcess> services, StackConfig config) {
        Path home = config.home();
        StringBuilder summary = new StringBuilder("\nTributary is running. Ctrl-C stops everything.\n\n");
        for (ServiceProcess service : services) {
            summary.append("  %-14s %s%n".formatted(service.name(), service.baseUrl()));
        }
        summary.append("  %-14s %s%n".formatted("PostgreSQL", endpoints.postgresJdbcUrl()))
                .append("  %-14s %s%n".formatted("Kafka", endpoints.kafkaBootstrapServers()))
                .append("  %-14s %s%n".formatted("MongoDB", endpoints.mongoUri()))
                .append("  %-14s %s%n".formatted("Elasticsearch", endpoints.elasticsearchUrl()))
                .append("  %-14s %s%n".formatted("SMTP", endpoints.smtpServer()))
                .append("  %-14s %s%n".formatted("Keycloak", endpoints.oidcIssuer() + " (issuer)"))
                .append("  %-14s %s%n".formatted("Redis", endpoints.redisUrl()));
        // Not for a Keycloak named by TRIBUTARY_KEYCLOAK_URL: its admin and ./tributary token are not ours.
        if (endpoints.oidcIssuer().equals(KeycloakServer.issuer(config.keycloakPort()))) {
            summary.append("  %-14s %s%n".formatted("", "admin console http://127.0.0.1:" + config.keycloakPort()
                            + "/admin: user " + KeycloakServer.ADMIN_USER + ", password in "
                            + KeycloakServer.adminPasswordFile(home)))
                    .append("  %-14s %s%n".formatted("", "a token: ./tributary token <username> customer|admin"));
        }
        summary.append("\n  logs in ").append(home.resolve("logs")).append(" and ").append(home.resolve("run")).append('\n');
        System.out.println(summary);
    }

    /** One launcher at a time per stack folder. */
    private static void claimLauncher(Path runDir) {
        Path pidFile = runDir.resolve("launcher.pid");
        ChildProcess.runningFrom(pidFile).ifPresent(other -> {
            throw new StackException("Tributary is already running (launcher pid " + other.pid()
                    + "); stop it with Ctrl-C first.");
        });
        try {
            Files.createDirectories(runDir);
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new StackException("cannot write " + pidFile + ": " + e.getMessage(), e);
        }
    }

    /** Services are stateless: ones left by a crashed launcher are stopped and started afresh. */
    private static void stopOrphanedServices(Path runDir) {
        for (Service service : SERVICES) {
            Path pidFile = runDir.resolve(service.name() + ".pid");
            ChildProcess.runningFrom(pidFile).ifPresent(orphan -> {
                System.out.println("Stopping " + service.name() + " left running by an earlier launcher (pid " + orphan.pid() + ")");
                orphan.destroy();
                orphan.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                    orphan.destroyForcibly();
                    return orphan;
                }).join();
            });
            ChildProcess.deletePidFile(pidFile);
        }
    }

    private record Service(String name, int port) {

        Path jar(Path root) {
            return ServiceJar.find(root, name);
        }
    }
}
