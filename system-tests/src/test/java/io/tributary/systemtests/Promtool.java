package io.tributary.systemtests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Prometheus' own {@code promtool} (Debian package prometheus): required on CI, its checks skipped elsewhere without it. */
final class Promtool {

    private Promtool() {
    }

    /** Skips the calling test where promtool is missing, except on CI, where it fails it. */
    static void require() throws InterruptedException {
        boolean installed;
        try {
            installed = run(null, "--version").exitCode() == 0;
        } catch (IOException notInstalled) {
            installed = false;
        }
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "promtool (Debian package prometheus) is not installed on this machine");
        }
        assertThat(installed).as("promtool must be installed on CI").isTrue();
    }

    /** Runs promtool with these arguments, {@code input} (if any) on its standard input. */
    static Result run(String input, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool " + arguments[0] + " finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }
}
