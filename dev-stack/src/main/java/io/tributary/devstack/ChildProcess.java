package io.tributary.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a child process, its output in a log file and its pid in a pid file, so that a later
 * start can find a server left running (and reuse it) or a stale pid file (and ignore it).
 */
final class ChildProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, List<String> command, Map<String, String> environment,
                         Path workDir, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.command = command;
        this.environment = environment;
        this.workDir = workDir;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                              Path logFile, Path pidFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(ownSession(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ChildProcess(name, process, List.copyOf(command), Map.copyOf(environment), workDir, logFile,
                    pidFile);
        } catch (IOException e) {
            throw new StackException(name + " could not be started: " + e.getMessage(), e);
        }
    }

    /**
     * In a session of its own the child does not get the terminal's Ctrl-C together with the launcher, so the
     * launcher can stop services before the servers they use. ({@code setsid} execs in place: same pid.)
     */
    private static List<String> ownSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** The same command again, with the same environment, folder, log (appended to) and pid file. */
    ChildProcess startAgain() {
        return start(name, command, environment, workDir, logFile, pidFile);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Completes with the exit code once the process has ended, however it ended. */
    CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM, then SIGKILL if it does not exit in time; children of the process go with it. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deletePidFile(pidFile);
    }

    /** SIGKILL without grace, as a crash would. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    StackException failure(String what) {
        return new StackException(name + " " + what + "; last lines of " + logFile + ":\n" + tail(logFile, 25));
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** The process a pid file names, if it still runs. */
    static java.util.Optional<ProcessHandle> runningFrom(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return java.util.Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    static void deletePidFile(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is recognised as stale on the next start
        }
    }
}
