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
        ChildProcess process = ChildProcess.start(name,
                List.of(Java.executable(), "-Xms64m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()),
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
