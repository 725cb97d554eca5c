package io.tributary.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Tributary service (a Spring Boot jar) as a child process, started once its liveness says UP. Not its overall health,
 * nor its readiness: the projections' readiness waits for the views to catch up, which after a restart with a backlog
 * (or in the benchmark's catch-up) is the very work the caller starts it for.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final ChildProcess process;
    private final Duration startTimeout;

    private ServiceProcess(String name, int port, ChildProcess process, Duration startTimeout) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startTimeout = startTimeout;
    }

    /** Extra JVM options for every service, separated by spaces, e.g. to record a flight recording of each. */
    public static final String EXTRA_OPTIONS = "TRIBUTARY_SERVICE_JAVA_OPTIONS";

    /**
     * The parallel collector rather than G1: on two cores G1's concurrent threads compete with the requests, and the
     * query API's reads by id went from a p99 of 63–85 ms to 16–17 ms, at 10–35 % more requests per second. The
     * parallel collector grows the heap to its maximum under load and keeps it, so the maximum is what a service's
     * resident memory comes to. The query API holds 40–80 MB after a full GC and gets 192 MB. The command API holds
     * 60 MB at rest and up to 115 MB with a hundred commands in flight: in 192 MB, registrations at 200/s drove it into
     * back-to-back full GCs of a second each; it gets 256 MB. The projections keep 384 MB, within which a rebuild of a
     * million events was measured. On the serial collector they stayed at 356–387 MB resident after the benchmark's
     * mixed workload instead of 529–601 MB, but at 200 commands/s their views fell twice as far behind (17–18 s against
     * 8–9 s). Freed native memory (the JIT's arenas) is given back every five seconds.
     */
    static List<String> command(Path jar, String extraOptions) {
        List<String> command = new java.util.ArrayList<>(List.of(Java.executable(), "-Xms64m", maxHeap(jar),
                "-XX:+UseParallelGC", "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(Java.options(extraOptions));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private static String maxHeap(Path jar) {
        String name = jar.getFileName().toString();
        if (name.startsWith("projections")) {
            return "-Xmx384m";
        }
        return name.startsWith("command-api") ? "-Xmx256m" : "-Xmx192m";
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logFile,
                                       Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new StackException(name + " jar not found at " + jar + "; build it first with ./mvnw -DskipTests install");
        }
        if (Waits.portOpen(port)) {
            throw new StackException(name + ": port " + port + " is already in use");
        }
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("SERVER_PORT", Integer.toString(port));
        // glibc's default of eight malloc arenas per core held tens of MB per service after a load.
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        Path pidFile = logFile.resolveSibling(name + ".pid");
        ChildProcess process = ChildProcess.start(name, command(ExtractedJar.of(jar), System.getenv(EXTRA_OPTIONS)),
                environment, jar.getParent(), logFile, pidFile);
        ServiceProcess service = new ServiceProcess(name, port, process, timeout);
        service.awaitUp();
        return service;
    }

    /**
     * The same service started again as it was first (command, environment, port, log, start timeout), e.g. after
     * a crash; not yet waited for.
     */
    ServiceProcess startAgain() {
        return new ServiceProcess(name, port, process.startAgain(), startTimeout);
    }

    /**
     * The same service started again after it ended (killed, crashed), as {@link #startAgain()}, once it reports UP.
     *
     * @throws StackException when it did not report UP in time
     */
    public ServiceProcess restart() {
        ServiceProcess again = startAgain();
        again.awaitUp();
        return again;
    }

    /** @throws StackException after stopping the process, when it died or did not report UP in time */
    void awaitUp() {
        String health = baseUrl() + "/actuator/health/liveness";
        if (!Waits.until(() -> Waits.httpOk(health, "\"UP\""), startTimeout, process)) {
            StackException failure = process.failure(process.isAlive()
                    ? "did not report UP at " + health + " within " + startTimeout.toSeconds() + "s"
                    : "exited before reporting UP at " + health);
            process.stop();
            throw failure;
        }
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The service's JVM, e.g. for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /** Completes with the exit code once the process has ended, whether it was stopped or crashed. */
    CompletableFuture<Integer> onExit() {
        return process.onExit();
    }

    Path logFile() {
        return process.logFile();
    }

    String logTail(int lines) {
        return ChildProcess.tail(process.logFile(), lines);
    }

    public void stop() {
        process.stop();
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        stop();
    }
}
