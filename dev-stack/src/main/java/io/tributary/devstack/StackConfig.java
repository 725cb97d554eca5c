package io.tributary.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to start and where.
 *
 * @param home       the one folder for unpacked servers, data, logs and pid files
 * @param persistent keep data across starts (local run) or start from nothing (tests)
 */
public record StackConfig(Path home, boolean persistent, Set<Server> servers, int postgresPort, int kafkaPort,
                          int kafkaControllerPort, int mongoPort, int elasticsearchPort, int elasticsearchTransportPort,
                          int smtpPort, int keycloakPort, int redisPort) {

    /**
     * The local run: {@code <project root>/.tributary}, well-known ports, data kept. Redis gets 16379 rather than
     * 6379, where a Redis of the machine may already run. {@code TRIBUTARY_PORT_OFFSET}
     * shifts every port (servers and services), to run beside something that already uses them.
     */
    public static StackConfig local() {
        int offset = portOffset();
        return new StackConfig(ProjectRoot.find().resolve(".tributary"), true, EnumSet.allOf(Server.class),
                15432 + offset, 9092 + offset, 9093 + offset, 27017 + offset, 9200 + offset, 9300 + offset,
                3025 + offset, 8180 + offset, 16379 + offset);
    }

    public static int portOffset() {
        String offset = System.getenv("TRIBUTARY_PORT_OFFSET");
        try {
            return offset == null || offset.isBlank() ? 0 : Integer.parseInt(offset.strip());
        } catch (NumberFormatException e) {
            throw new StackException("TRIBUTARY_PORT_OFFSET must be a number, not " + offset);
        }
    }

    /** Tests: fresh data under the calling module's target folder, free ports. */
    public static StackConfig forTests(Set<Server> servers) {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            // Readable by others: Elasticsearch runs as an unprivileged user when the tests run as root.
            Path home = Files.createTempDirectory(target.toAbsolutePath(), "test-stack-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            return new StackConfig(home, false, EnumSet.copyOf(servers), freePort(), freePort(), freePort(),
                    freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StackConfig withServers(Set<Server> wanted) {
        return new StackConfig(home, persistent, EnumSet.copyOf(wanted), postgresPort, kafkaPort, kafkaControllerPort,
                mongoPort, elasticsearchPort, elasticsearchTransportPort, smtpPort, keycloakPort, redisPort);
    }

    static int freePort() {
        return FreePorts.next();
    }
}
