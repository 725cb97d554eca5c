package io.tributary.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Tributary service (a Spring Boot jar) as a child process, ready once its health endpoint says UP. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final ChildProcess process;

    private ServiceProcess(String name, int port, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Extra JVM options for every service, separated by spaces, e.g. to record a flight recording of each. */
    public static final String EXTRA_OPTIONS = "TRIBUTARY_SERVICE_JAVA_OPTIONS";

    static List<String> command(Path jar, String extraOptions) {
        List<String> command = new java.util.ArrayList<>(List.of(Java.executable(), "-Xms64m", "-Xmx384m",
                "-XX:+ExitOnOutOfMemoryError"));
        if (extraOptions != null && !extraOptions.isBlank()) {
            command.addAll(List.of(extraOptions.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        return command;
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
        Path pidFile = logFile.resolveSibling(name + ".pid");
        ChildProcess process = ChildProcess.start(name, command(jar, System.getenv(EXTRA_OPTIONS)),
                environment, jar.getParent(), logFile, pidFile);
        ServiceProcess service = new ServiceProcess(name, port, process);
        String health = service.baseUrl() + "/actuator/health";
        if (!Waits.until(() -> Waits.httpOk(health, "\"UP\""), timeout, process)) {
            StackException failure = process.failure("did not report UP at " + health + " within " + timeout.toSeconds() + "s");
            process.stop();
            throw failure;
        }
        return service;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
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
