package io.tributary.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The servers Tributary needs, each resolved in this order: an explicit URL in the environment
 * ({@code TRIBUTARY_POSTGRES_URL}, {@code TRIBUTARY_KAFKA_BOOTSTRAP}, {@code TRIBUTARY_MONGO_URI},
 * {@code TRIBUTARY_ELASTICSEARCH_URL}, {@code TRIBUTARY_SMTP_SERVER} as {@code host:port},
 * {@code TRIBUTARY_KEYCLOAK_URL} as the issuer URL of a realm, {@code TRIBUTARY_REDIS_URL}), else a Testcontainers
 * container where a Docker engine runs, else a real local server started as a child process.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * JVM options added to the servers started as child processes (Kafka, the Mongo-protocol and SMTP servers,
     * Elasticsearch, Keycloak). The test runs set them: they start these servers many times under light loads.
     */
    public static final String SERVER_JAVA_OPTIONS = "TRIBUTARY_SERVER_JAVA_OPTIONS";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackConfig config;
    private final Map<Server, ManagedServer> local = new EnumMap<>(Server.class);
    private final List<String> testDatabases = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile StackEndpoints endpoints = StackEndpoints.none(PostgresServer.USER, "");

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    /** Starts (or reuses) what the config asks for, in parallel; blocks until every server is healthy. */
    public static LocalStack start(StackConfig config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.ensureStarted(config.servers());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** Where the local servers write their logs; {@code mail.log} holds every message the SMTP server received. */
    public Path logDirectory() {
        return config.home().resolve("logs");
    }

    /** Starts the servers of the set that are not running yet. */
    public synchronized void ensureStarted(Set<Server> servers) {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        try (ExecutorService starters = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("stack-start-", 0).factory())) {
            for (Server server : servers.isEmpty() ? EnumSet.noneOf(Server.class) : EnumSet.copyOf(servers)) {
                if (endpoints.of(server) == null) {
                    starting.add(CompletableFuture.supplyAsync(() -> resolve(server), starters)
                            .thenAccept(endpoint -> record(server, endpoint)));
                }
            }
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public void stopKafka() {
        stopLocal(Server.KAFKA);
    }

    public void startKafka() {
        startLocal(Server.KAFKA);
    }

    public void stopElasticsearch() {
        stopLocal(Server.ELASTICSEARCH);
    }

    public void startElasticsearch() {
        startLocal(Server.ELASTICSEARCH);
    }

    public void stopMongo() {
        stopLocal(Server.MONGO);
    }

    public void startMongo() {
        startLocal(Server.MONGO);
    }

    public void stopPostgres() {
        stopLocal(Server.POSTGRES);
    }

    public void startPostgres() {
        startLocal(Server.POSTGRES);
    }

    /** Kills a server with SIGKILL, as a crash would; {@code start…} brings it back on the same port and data. */
    public void killKafka() {
        localServer(Server.KAFKA).kill();
    }

    /**
     * Kills a server this stack runs as a local process with SIGKILL (its child processes too), as a crash would;
     * {@link #restart(Server)} brings it back on the same port and data.
     */
    public void kill(Server server) {
        localServer(server).kill();
    }

    /** Starts a server of this stack again after a {@link #kill(Server)}, on the same port and data, once ready. */
    public void restart(Server server) {
        startLocal(server);
    }

    /**
     * Whether this stack runs the server as a process of its own, which it may stop or kill and start again on the
     * same port with its data: not one named by a {@code TRIBUTARY_*} URL (a shared server of the machine) nor a
     * container.
     */
    public boolean runsLocally(Server server) {
        synchronized (local) {
            ManagedServer managed = local.get(server);
            return managed != null && !(managed instanceof ContainerServer);
        }
    }

    @Override
    public synchronized void close() {
        dropTestDatabases(testDatabases);
        List<Server> order = List.of(Server.KEYCLOAK, Server.REDIS, Server.SMTP, Server.ELASTICSEARCH, Server.MONGO,
                Server.KAFKA, Server.POSTGRES);
        // Side by side: each takes seconds to shut down, and none needs another to stop.
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Server server : order) {
                ManagedServer managed = local.remove(server);
                if (managed != null) {
                    stopping.submit(() -> {
                        try {
                            managed.stop();
                        } catch (RuntimeException e) {
                            log.warn("{} did not stop cleanly: {}", server, e.getMessage());
                        }
                    });
                }
            }
        }
    }

    private String resolve(Server server) {
        String explicit = System.getenv(environmentVariable(server));
        if (explicit != null && !explicit.isBlank()) {
            return server == Server.POSTGRES && !config.persistent() ? freshDatabase(explicit, testDatabases) : explicit;
        }
        ManagedServer managed = ContainerServer.dockerAvailable() ? new ContainerServer(server) : switch (server) {
            case POSTGRES -> new PostgresServer(config);
            case KAFKA -> new KafkaBroker(config);
            case MONGO -> JavaChildServer.mongoProtocolServer(config);
            case ELASTICSEARCH -> new ElasticsearchNode(config);
            case SMTP -> JavaChildServer.smtpServer(config);
            case KEYCLOAK -> new KeycloakServer(config);
            case REDIS -> new RedisServer(config);
        };
        long started = System.nanoTime();
        String endpoint = managed.start();
        synchronized (local) {
            local.put(server, managed);
        }
        log.info("{} ready at {} in {} ms", server, endpoint, (System.nanoTime() - started) / 1_000_000);
        return endpoint;
    }

    private void record(Server server, String endpoint) {
        synchronized (local) {
            recordLocked(server, endpoint);
        }
    }

    private void recordLocked(Server server, String endpoint) {
        if (server == Server.POSTGRES && System.getenv("TRIBUTARY_POSTGRES_URL") != null) {
            endpoints = new StackEndpoints(endpoint, envOr("TRIBUTARY_POSTGRES_USER", PostgresServer.USER),
                    envOr("TRIBUTARY_POSTGRES_PASSWORD", ""), endpoints.kafkaBootstrapServers(), endpoints.mongoUri(),
                    endpoints.elasticsearchUrl(), endpoints.smtpServer(), endpoints.oidcIssuer(), endpoints.redisUrl());
        } else {
            endpoints = endpoints.with(server, endpoint);
        }
    }

    private void stopLocal(Server server) {
        localServer(server).stop();
    }

    private void startLocal(Server server) {
        localServer(server).start();
    }

    private ManagedServer localServer(Server server) {
        synchronized (local) {
            ManagedServer managed = local.get(server);
            if (managed == null) {
                throw new IllegalStateException(server + " is not a local server of this stack");
            }
            return managed;
        }
    }

    /** Tests on a shared PostgreSQL server each get a database of their own (dropped by {@link #close()}). */
    private static String freshDatabase(String serverUrl, List<String> created) {
        String database = "tributary_test_" + UUID.randomUUID().toString().replace("-", "");
        executeOn(serverUrl, "CREATE DATABASE " + database);
        created.add(serverUrl + " " + database);
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + database + (query < 0 ? "" : serverUrl.substring(query));
    }

    private static void dropTestDatabases(List<String> created) {
        for (String entry : created) {
            String[] serverAndDatabase = entry.split(" ");
            try {
                executeOn(serverAndDatabase[0], "DROP DATABASE IF EXISTS " + serverAndDatabase[1] + " WITH (FORCE)");
            } catch (StackException e) {
                log.warn("Test database {} was not dropped: {}", serverAndDatabase[1], e.getMessage());
            }
        }
        created.clear();
    }

    private static void executeOn(String serverUrl, String statement) {
        try (Connection connection = DriverManager.getConnection(serverUrl,
                envOr("TRIBUTARY_POSTGRES_USER", PostgresServer.USER), envOr("TRIBUTARY_POSTGRES_PASSWORD", ""))) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new StackException("PostgreSQL at " + serverUrl + ": " + statement + " failed: " + e.getMessage(), e);
        }
    }

    private static String environmentVariable(Server server) {
        return switch (server) {
            case POSTGRES -> "TRIBUTARY_POSTGRES_URL";
            case KAFKA -> "TRIBUTARY_KAFKA_BOOTSTRAP";
            case MONGO -> "TRIBUTARY_MONGO_URI";
            case ELASTICSEARCH -> "TRIBUTARY_ELASTICSEARCH_URL";
            case SMTP -> "TRIBUTARY_SMTP_SERVER";
            case KEYCLOAK -> "TRIBUTARY_KEYCLOAK_URL";
            case REDIS -> "TRIBUTARY_REDIS_URL";
        };
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
