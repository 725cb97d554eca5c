package io.tributary.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Mongo-protocol server (mongo-java-server) as its own process, storing in an H2 file. */
final class MongoProtocolServer implements ManagedServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final StackConfig config;
    private final Path dir;
    private final Path pidFile;
    private final Path logFile;
    private final Adoptable process = new Adoptable();

    MongoProtocolServer(StackConfig config) {
        this.config = config;
        this.dir = config.home().resolve("mongo");
        this.pidFile = dir.resolve("mongo.pid");
        this.logFile = config.home().resolve("logs").resolve("mongo.log");
    }

    @Override
    public String start() {
        String uri = "mongodb://127.0.0.1:" + config.mongoPort() + "/tributary";
        if (process.adoptFrom(pidFile) && Waits.portOpen(config.mongoPort())) {
            return uri;
        }
        if (Waits.portOpen(config.mongoPort())) {
            throw new StackException("Mongo-protocol server: port " + config.mongoPort() + " is taken by another program");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("Mongo-protocol server: cannot create " + dir, e);
        }
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms64m", "-Xmx384m",
                "-cp", Java.buildResource("mongo-server.classpath") + File.pathSeparator + Java.locationOf(MongoServerMain.class),
                MongoServerMain.class.getName(), "--port", Integer.toString(config.mongoPort()),
                // On disk also for tests (in their fresh folder), so a stop and start keeps the data.
                "--file", dir.resolve("tributary.mv").toString()));
        ChildProcess server = ChildProcess.start("Mongo-protocol server", command, Map.of(), dir, logFile, pidFile);
        process.started(server);
        if (!Waits.until(() -> Waits.portOpen(config.mongoPort()), START_TIMEOUT, server)) {
            StackException failure = server.failure("did not listen on " + config.mongoPort() + " within "
                    + START_TIMEOUT.toSeconds() + "s");
            server.stop();
            throw failure;
        }
        return uri;
    }

    @Override
    public void stop() {
        process.stop(pidFile);
    }

    @Override
    public void kill() {
        process.kill();
    }
}
