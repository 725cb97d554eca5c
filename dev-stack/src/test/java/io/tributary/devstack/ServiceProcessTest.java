package io.tributary.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {

    private static final Path JAR = Path.of("service.jar");

    @Test
    void extraOptionsGoBeforeTheJar() {
        assertThat(ServiceProcess.command(JAR, " -XX:StartFlightRecording=filename=run/%p.jfr  -Dx=1 "))
                .containsSubsequence("-XX:+ExitOnOutOfMemoryError", "-XX:StartFlightRecording=filename=run/%p.jfr",
                        "-Dx=1", "-jar", "service.jar")
                .endsWith("-jar", "service.jar");
    }

    @Test
    void theProjectionsGetTheLargestHeapTheCommandApiMoreThanTheQueryApi() {
        assertThat(ServiceProcess.command(Path.of("target", "projections.jar"), null)).contains("-Xmx384m");
        assertThat(ServiceProcess.command(Path.of("target", "query-api.jar"), null)).contains("-Xmx192m");
        assertThat(ServiceProcess.command(Path.of("target", "command-api.jar"), null)).contains("-Xmx256m");
    }

    @Test
    void withoutExtraOptionsTheCommandIsTheDefault() {
        assertThat(ServiceProcess.command(JAR, null)).hasSize(8).endsWith("-jar", "service.jar");
        assertThat(ServiceProcess.command(JAR, " ")).isEqualTo(ServiceProcess.command(JAR, null));
    }
}
