package io.tributary.devstack;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.containers.MongoDBContainer;

/**
 * A server as a Testcontainers container with the production image, used where a Docker engine runs.
 * Set {@code TRIBUTARY_TESTCONTAINERS=false} to use the local servers even then.
 */
final class ContainerServer implements ManagedServer {

    /** The mail catcher of docker-compose.yml; its web UI (port 8025) is not needed by tests. */
    private static final int MAILPIT_SMTP = 1025;

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
