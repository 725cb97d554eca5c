package io.tributary.bench.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs an external tool to completion and hands back what it printed. */
public final class Command {

    private Command() {
    }

    /** The tool's path if it is installed (on the PATH or at one of the usual places). */
    public static Optional<Path> find(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/usr/local/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Optional.of(Path.of(dir, tool));
            }
        }
        return Optional.empty();
    }

    /** Standard output and error together; fails when the tool exits non-zero or outlives the timeout. */
    public static String run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[][] output = new byte[1][];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    output[0] = process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    output[0] = new byte[0];
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ToolFailedException(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join();
            String text = new String(output[0], StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new ToolFailedException(command.getFirst() + " exited with " + process.exitValue() + ": " + tail(text));
            }
            return text;
        } catch (IOException e) {
            throw new ToolFailedException(command.getFirst() + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailedException(command.getFirst() + " was interrupted");
        }
    }

    /** The end of what a failed tool printed: where its error usually is. */
    private static String tail(String output) {
        String stripped = output.strip();
        return stripped.length() <= 1_500 ? stripped : "…" + stripped.substring(stripped.length() - 1_500);
    }

    /** A tool that is missing, failed or printed something the benchmark cannot read. */
    public static final class ToolFailedException extends RuntimeException {
        public ToolFailedException(String message) {
            super(message);
        }
    }
}
