package io.tributary.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from the distribution zip on Maven Central, in development mode (its own H2 database in the stack
 * folder), with the {@code tributary} realm of {@code ops/keycloak/tributary-realm.json} imported on the first start.
 * The bootstrap admin of the master realm, {@value #ADMIN_USER}, gets a password generated on the first start and
 * kept in {@link #adminPasswordFile(Path)}.
 */
final class KeycloakServer extends ChildServer {

    static final String REALM = "tributary";
    static final String ADMIN_USER = "admin";
    // About 30 s on an idle machine (the first start also builds the server); over two minutes on a busy one.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final StackConfig config;
    private final Path dir;
    private final Path logFile;

    KeycloakServer(StackConfig config) {
        super(config.home().resolve("keycloak").resolve("keycloak.pid"));
        this.config = config;
        this.dir = config.home().resolve("keycloak");
        this.logFile = config.home().resolve("logs").resolve("keycloak.log");
    }

    /**
     * The realm's issuer. The server's host name is fixed to this address, so every token carries it as {@code iss}
     * whichever host name the client used.
     */
    static String issuer(int port) {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    static Path adminPasswordFile(Path home) {
        return home.resolve("keycloak").resolve("admin-password");
    }

    static boolean discoveryAnswers(String issuer) {
        return Waits.httpOk(issuer + "/.well-known/openid-configuration", "\"issuer\"");
    }

    @Override
    public String start() {
        int port = config.keycloakPort();
        String issuer = issuer(port);
        if (adoptRunning() && discoveryAnswers(issuer)) {
            return issuer;
        }
        if (Waits.portOpen(port)) {
            throw new StackException("Keycloak: port " + port + " is taken by another program");
        }
        try {
            Path distribution = unpack();
            String adminPassword = adminPassword(distribution);
            Path importDir = Files.createDirectories(distribution.resolve("data").resolve("import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("tributary-realm.json")) {
                if (realm == null) {
                    throw new StackException("dev-stack resource tributary-realm.json is missing; rebuild with ./mvnw install");
                }
                // Imported only while the realm does not exist, so users added later stay.
                Files.copy(realm, importDir.resolve("tributary-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = List.of(distribution.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                    "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--hostname=http://127.0.0.1:" + port);
            Map<String, String> environment = new java.util.HashMap<>(Map.of(
                    "JAVA_HOME", Java.home().toString(),
                    "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                    "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
            List<String> javaOptions = Java.serverOptions();
            if (!javaOptions.isEmpty()) {
                environment.put("JAVA_OPTS_APPEND", String.join(" ", javaOptions));
            }
            ChildProcess server = ChildProcess.start("Keycloak", command, environment, dir, logFile, pidFile);
            awaitStarted(server, () -> discoveryAnswers(issuer), START_TIMEOUT,
                    "did not answer OIDC discovery for " + issuer);
            return issuer;
        } catch (IOException e) {
            throw new StackException("Keycloak could not be prepared in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The version of the distribution the build resolved, e.g. {@code 26.7.3}; the container image has the same. */
    static String version() {
        return distributionZip().getFileName().toString().replace("keycloak-quarkus-dist-", "").replace(".zip", "");
    }

    private static Path distributionZip() {
        return Path.of(Java.buildResource("keycloak.distribution"));
    }

    /** keycloak-quarkus-dist-26.7.3.zip holds keycloak-26.7.3/. */
    private Path unpack() throws IOException {
        return ServerDistribution.unpack(distributionZip(), dir, "keycloak-" + version(), "bin");
    }

    /**
     * Keycloak creates the bootstrap admin only in a new database, so a password file that went missing starts
     * the development database afresh (the realm is imported again).
     */
    private String adminPassword(Path distribution) throws IOException {
        Path file = adminPasswordFile(config.home());
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        FileTrees.delete(distribution.resolve("data").resolve("h2"));
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), password);
        return password;
    }
}
