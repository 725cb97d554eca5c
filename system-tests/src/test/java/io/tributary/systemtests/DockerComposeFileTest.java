package io.tributary.systemtests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Validates docker-compose.yml with a real Compose parser (no engine needed). On CI the parser must be
 * installed; elsewhere the test is skipped when none is found.
 */
class DockerComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

    @Test
    void composeFileIsValidAndDefinesTheWholeStack() throws Exception {
        Optional<List<String>> parser = composeParser();
        if (System.getenv("CI") == null) {
            assumeTrue(parser.isPresent(), "no docker-compose or docker compose plugin on this machine");
        }
        assertThat(parser).as("a Compose parser (docker-compose) must be installed on CI").isPresent();

        List<String> command = new java.util.ArrayList<>(parser.get());
        command.addAll(List.of("-f", COMPOSE_FILE.toString(), "config", "--services"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().map(String::strip).toList()).contains(
                "postgres", "kafka", "mongo", "elasticsearch", "keycloak", "redis", "command-api", "projections",
                "query-api", "gateway", "mailpit");
        for (String module : List.of("command-api", "projections", "query-api")) {
            assertThat(Path.of("..", module, "Dockerfile")).exists();
        }
    }

    @Test
    void keycloakRunsTheVersionOfTheLocalStack() throws IOException {
        Matcher version = Pattern.compile("<keycloak-server.version>([^<]+)</keycloak-server.version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(version.find()).as("keycloak-server.version in the parent pom").isTrue();
        assertThat(Files.readString(COMPOSE_FILE)).contains("image: quay.io/keycloak/keycloak:" + version.group(1));
    }

    private static Optional<List<String>> composeParser() throws IOException, InterruptedException {
        for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            try {
                List<String> version = new java.util.ArrayList<>(candidate);
                version.add("version");
                Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException notInstalled) {
                // try the next candidate
            }
        }
        return Optional.empty();
    }
}
