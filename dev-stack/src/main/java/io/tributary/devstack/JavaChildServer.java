package io.tributary.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server whose main class runs in a JVM of its own, on a classpath the build wrote into a dev-stack resource;
 * ready once it listens on its port. Its folder is {@code <home>/<folder>}, with its pid file {@code <folder>.pid},
 * and its log is {@code <home>/logs/<folder>.log}. One left running by an earlier launcher is adopted.
 */
final class JavaChildServer extends ChildServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final String endpoint;
    private final int port;
    private final List<String> command;
    private final Path dir;
    private final Path logFile;

    private JavaChildServer(String name, String endpoint, StackConfig config, String folder, int port, String maxHeap,
                            String classpathResource, Class<?> mainClass, List<String> arguments) {
        super(config.home().resolve(folder).resolve(folder + ".pid"));
        this.name = name;
        this.endpoint = endpoint;
        this.port = port;
        this.dir = config.home().resolve(folder);
        this.logFile = config.home().resolve("logs").resolve(folder + ".log");
        this.command = new ArrayList<>(List.of(Java.executable(), "-Xms64m", "-Xmx" + maxHeap));
        this.command.addAll(Java.serverOptions());
        this.command.addAll(List.of("-cp", Java.buildResource(classpathResource) + File.pathSeparator
                + Java.locationOf(mainClass), mainClass.getName()));
        this.command.addAll(arguments);
    }

    /**
     * The Mongo-protocol server (mongo-java-server), storing in an H2 file. With a 384 MB heap, H2's background
     * writer ran out of memory before half a million documents had gone in beside whole-collection counts
     * ({@code MongoVolumeBenchmark}); with 1 GB a million went in.
     */
    static JavaChildServer mongoProtocolServer(StackConfig config) {
        String port = Integer.toString(config.mongoPort());
        // On disk also for tests (in their fresh folder), so a stop and start keeps the data.
        String dataFile = config.home().resolve("mongo").resolve("tributary.mv").toString();
        return new JavaChildServer("Mongo-protocol server", "mongodb://127.0.0.1:" + port + "/tributary", config,
                "mongo", config.mongoPort(), "1g", "mongo-server.classpath", MongoServerMain.class,
                List.of("--port", port, "--file", dataFile));
    }

    /**
     * An SMTP server (GreenMail) for the local run, endpoint {@code host:port}: accepts every message, passes none
     * on, and prints each one to its log ({@code logs/mail.log}), which is where to read what the services sent.
     * Received mail is kept in memory only.
     */
    static JavaChildServer smtpServer(StackConfig config) {
        String port = Integer.toString(config.smtpPort());
        return new JavaChildServer("SMTP server", "127.0.0.1:" + port, config, "mail", config.smtpPort(), "384m",
                "mail-server.classpath", SmtpServerMain.class, List.of(port));
    }

    @Override
    public String start() {
        if (adoptRunning() && Waits.portOpen(port)) {
            return endpoint;
        }
        if (Waits.portOpen(port)) {
            throw new StackException(name + ": port " + port + " is taken by another program");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException(name + ": cannot create " + dir, e);
        }
        ChildProcess server = ChildProcess.start(name, command, Map.of(), dir, logFile, pidFile);
        awaitStarted(server, () -> Waits.portOpen(port), START_TIMEOUT, "did not listen on " + port);
        return endpoint;
    }
}
