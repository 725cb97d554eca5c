package io.tributary.systemtests;

import io.tributary.devstack.FreePorts;
import io.tributary.devstack.LocalStack;
import io.tributary.devstack.ServiceProcess;
import io.tributary.devstack.TestIssuer;
import io.tributary.devstack.TestStack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The whole of Tributary as separate processes: the real local stack plus the three services started from
 * their Spring Boot jars, once per test JVM, stopped at exit. The services trust the test issuer's tokens.
 */
final class RunningSystem {

    /** The subject of the admin the tests act as, unless they say otherwise. */
    static final String ADMIN = "system-test-admin";

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(300);
    private static RunningSystem instance;

    final LocalStack stack;
    final ServiceProcess commandApi;
    final ServiceProcess projections;
    final ServiceProcess queryApi;

    private RunningSystem(LocalStack stack, ServiceProcess commandApi, ServiceProcess projections,
                          ServiceProcess queryApi) {
        this.stack = stack;
        this.commandApi = commandApi;
        this.projections = projections;
        this.queryApi = queryApi;
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "system-test-services-stop"));
        }
        return instance;
    }

    /** The command API as the admin, who may do everything; users are registered with {@link #register}. */
    Http commands() {
        return asAdmin(commandApi);
    }

    /**
     * Registers a user without a token, as a visitor signs up: a token would link the new user to its subject, and
     * a subject owns one user at most.
     */
    Http.Response register(String json) {
        return commands().anonymous().postJson("/api/v1/users", json);
    }

    /** The query API as the admin. */
    Http queries() {
        return asAdmin(queryApi);
    }

    /** The projections' actuator (view check, progress, dead letters), as the admin. */
    Http projectionsAdmin() {
        return asAdmin(projections);
    }

    /** A service this system started, as the admin; a fresh token each time, so a long run never holds a stale one. */
    Http asAdmin(ServiceProcess service) {
        return new Http(service.baseUrl(), TestIssuer.shared().token(ADMIN, "admin"));
    }

    /**
     * Another projections instance beside the first, as a second replica would run: same stores, same consumer
     * groups, its own settings on top. The caller stops (or kills) it.
     */
    ServiceProcess startAnotherProjections(String name, Map<String, String> settings) {
        return startAnother("projections", name, settings);
    }

    /** Another instance of a service ({@code command-api}, {@code query-api}, ...) with its own settings on top. */
    ServiceProcess startAnother(String service, String name, Map<String, String> settings) {
        return startService(service, name, serviceJars(), stack, settings).join();
    }

    private static RunningSystem start() {
        LocalStack stack = TestStack.shared();
        Properties jars = serviceJars();
        CompletableFuture<ServiceProcess> commandApi = startService("command-api", jars, stack);
        CompletableFuture<ServiceProcess> projections = startService("projections", jars, stack);
        CompletableFuture<ServiceProcess> queryApi = startService("query-api", jars, stack);
        try {
            RunningSystem system = new RunningSystem(stack, commandApi.join(), projections.join(), queryApi.join());
            system.awaitPipelineWarm();
            return system;
        } catch (RuntimeException e) {
            // Services are separate processes: stop the ones that did start, or they outlive the test JVM.
            for (CompletableFuture<ServiceProcess> service : java.util.List.of(commandApi, projections, queryApi)) {
                service.thenAccept(ServiceProcess::stop).exceptionally(ignored -> null).join();
            }
            throw e;
        }
    }

    private static CompletableFuture<ServiceProcess> startService(String name, Properties jars, LocalStack stack) {
        return startService(name, name, jars, stack, Map.of());
    }

    private static CompletableFuture<ServiceProcess> startService(String service, String name, Properties jars,
                                                                  LocalStack stack, Map<String, String> settings) {
        return CompletableFuture.supplyAsync(() -> {
            int port = FreePorts.next();
            Map<String, String> env = new HashMap<>(stack.endpoints().springEnvironment());
            env.putAll(TestIssuer.shared().springEnvironment());
            env.put("SERVER_PORT", Integer.toString(port));
            // Small bounded wait keeps the "view not ready" test quick; production default is 2 s.
            env.put("TRIBUTARY_CONSISTENCY_MAX_WAIT", "2s");
            // Driven from one address faster than a client may; the rate limits have their own tests.
            env.put("TRIBUTARY_RATELIMITS_ENABLED", "false");
            // Logs as in production (JSON lines), and the projections' line per applied event, which TracingIT reads.
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            env.put("LOGGING_LEVEL_IO_TRIBUTARY_PROJECTIONS_KAFKA", "DEBUG");
            env.put("LOGGING_LEVEL_IO_TRIBUTARY_PROJECTIONS_NOTIFICATION", "DEBUG");
            env.putAll(settings);
            Path log = logOf(name);
            return ServiceProcess.start(name, Path.of(jars.getProperty(service)), port, env, log, SERVICE_START_TIMEOUT);
        });
    }

    /**
     * A cold pipeline (consumer groups still joining) can take longer than the bounded consistency wait; the
     * tests measure the warm system, so one write is followed through to the query API first.
     */
    private void awaitPipelineWarm() {
        Http.Response created = register("{\"name\":\"Warm Up\",\"email\":\"warm-up-" + java.util.UUID.randomUUID()
                + "@example.com\"}");
        String id = created.json().get("id").asText();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> queries().get("/api/v1/users/" + id).status() == 200
                        && queries().get("/api/v1/users?q=warm").body().contains(id));
    }

    private void stop() {
        queryApi.stop();
        projections.stop();
        commandApi.stop();
    }

    private static Properties serviceJars() {
        try (InputStream in = RunningSystem.class.getResourceAsStream("/service-jars.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log of a service this system started, e.g. {@code projections}. */
    static Path logOf(String name) {
        return logDirectory().resolve(name + ".log");
    }

    private static Path logDirectory() {
        String configured = System.getenv("TRIBUTARY_SYSTEM_TEST_LOGS");
        return Path.of(configured != null ? configured : "target/service-logs");
    }

}
