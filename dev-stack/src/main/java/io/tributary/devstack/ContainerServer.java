package io.tributary.devstack;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;
import java.util.UUID;

/**
 * A server as a Testcontainers container with the production image, used where a Docker engine runs.
 * Set {@code TRIBUTARY_TESTCONTAINERS=false} to use the local servers even then.
 */
final class ContainerServer implements ManagedServer {

    /** The mail catcher of docker-compose.yml; its web UI (port 8025) is not needed by tests. */
    private static final int MAILPIT_SMTP = 1025;
    private static final int KEYCLOAK_HTTP = 8080;
    private static final int REDIS_PORT = 6379;

    private final Server server;
    private GenericContainer<?> container;

    ContainerServer(Server server) {
        this.server = server;
    }

    static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("TRIBUTARY_TESTCONTAINERS"))) {
            return false;
        }
        // Cheap check first: without a socket or DOCKER_HOST, Testcontainers would only log its failed probes.
        boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!socket && System.getenv("DOCKER_HOST") == null) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String start() {
        return switch (server) {
            case POSTGRES -> {
                PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17")
                        .withDatabaseName("tributary").withUsername(PostgresServer.USER).withPassword("");
                startContainer(postgres.withEnv("POSTGRES_HOST_AUTH_METHOD", "trust"));
                yield postgres.getJdbcUrl();
            }
            case KAFKA -> {
                KafkaContainer kafka = new KafkaContainer("apache/kafka:4.3.1");
                startContainer(kafka);
                yield kafka.getBootstrapServers();
            }
            case MONGO -> {
                MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
                startContainer(mongo);
                yield mongo.getReplicaSetUrl("tributary");
            }
            case ELASTICSEARCH -> {
                ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
                        "docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
                        .withEnv("xpack.security.enabled", "false")
                        .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
                startContainer(elasticsearch);
                yield "http://" + elasticsearch.getHttpHostAddress();
            }
            case SMTP -> {
                GenericContainer<?> mailpit = new GenericContainer<>("axllent/mailpit:v1.26").withExposedPorts(MAILPIT_SMTP);
                startContainer(mailpit);
                yield mailpit.getHost() + ":" + mailpit.getMappedPort(MAILPIT_SMTP);
            }
            case KEYCLOAK -> {
                // No fixed host name: the issuer is the address the tests reach the container at.
                GenericContainer<?> keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:" + KeycloakServer.version())
                        .withCommand("start-dev", "--import-realm")
                        .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER)
                        .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString())
                        .withCopyFileToContainer(MountableFile.forClasspathResource("io/tributary/devstack/tributary-realm.json"),
                                "/opt/keycloak/data/import/tributary-realm.json")
                        .withExposedPorts(KEYCLOAK_HTTP)
                        .waitingFor(Wait.forHttp("/realms/" + KeycloakServer.REALM + "/.well-known/openid-configuration")
                                .forPort(KEYCLOAK_HTTP).withStartupTimeout(Duration.ofMinutes(5)));
                startContainer(keycloak);
                yield "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(KEYCLOAK_HTTP)
                        + "/realms/" + KeycloakServer.REALM;
            }
            case REDIS -> {
                GenericContainer<?> redis = new GenericContainer<>("redis:7")
                        .withCommand("redis-server", "--save", "", "--appendonly", "no")
                        .withExposedPorts(REDIS_PORT);
                startContainer(redis);
                yield "redis://" + redis.getHost() + ":" + redis.getMappedPort(REDIS_PORT);
            }
        };
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    /** Stopping a container is as abrupt as it gets here. */
    @Override
    public void kill() {
        stop();
    }

    private void startContainer(GenericContainer<?> candidate) {
        try {
            candidate.start();
            container = candidate;
        } catch (RuntimeException e) {
            throw new StackException(server + " container did not start: " + e.getMessage(), e);
        }
    }
}
