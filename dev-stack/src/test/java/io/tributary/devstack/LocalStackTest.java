package io.tributary.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every server really runs and really keeps its data; restarts reuse what is there. */
class LocalStackTest {

    private static StackConfig config;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        // Keycloak has a test class of its own (KeycloakServerTest): it alone takes longer than the rest together.
        StackConfig fresh = StackConfig.forTests(EnumSet.complementOf(EnumSet.of(Server.KEYCLOAK)));
        // persistent, so that restarts are tested the way the local run uses them
        config = new StackConfig(fresh.home(), true, fresh.servers(), fresh.postgresPort(), fresh.kafkaPort(),
                fresh.kafkaControllerPort(), fresh.mongoPort(), fresh.elasticsearchPort(), fresh.elasticsearchTransportPort(),
                fresh.smtpPort(), fresh.keycloakPort(), fresh.redisPort());
        stack = LocalStack.start(config);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void postgresAnswersAndKeepsDataAcrossAStackRestart() throws Exception {
        try (Connection connection = connect()) {
            connection.createStatement().execute("create table if not exists kept (v text)");
            connection.createStatement().execute("insert into kept values ('persisted')");
        }
        stack.close();
        stack = LocalStack.start(config);
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery("select v from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("persisted");
        }
    }

    @Test
    void kafkaKeepsTopicsAcrossAStopAndStart() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("kept-topic", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        stack.stopKafka();
        stack.startKafka();
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept-topic");
        }
    }

    @Test
    void aKilledBrokerLeavesNoLockThatStopsTheNextStart() throws Exception {
        stack.killKafka();
        stack.startKafka();
        try (Admin admin = admin()) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void mongoKeepsDocumentsAcrossAStopAndStart() {
        try (MongoClient client = MongoClients.create(stack.endpoints().mongoUri())) {
            client.getDatabase("tributary").getCollection("kept").insertOne(new Document("_id", "a").append("v", 1));
        }
        stack.stopMongo();
        stack.startMongo();
        try (MongoClient client = MongoClients.create(stack.endpoints().mongoUri())) {
            assertThat(client.getDatabase("tributary").getCollection("kept").find(new Document("_id", "a")).first())
                    .containsEntry("v", 1);
        }
    }

    @Test
    void elasticsearchIndexesAndSearches() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String url = stack.endpoints().elasticsearchUrl();
        HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(URI.create(url + "/kept/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada Lovelace\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(indexed.statusCode()).as(indexed.body()).isIn(200, 201);
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(url + "/kept/_search?q=name:lovelace")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(found.body()).contains("Ada Lovelace");
    }

    @Test
    void smtpServerAcceptsMailAndLogsWhatItReceived() throws Exception {
        String subject = "Local stack check " + UUID.randomUUID();
        String[] endpoint = stack.endpoints().smtpServer().split(":");
        try (Socket socket = new Socket(endpoint[0], Integer.parseInt(endpoint[1]))) {
            BufferedReader server = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer client = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            assertThat(server.readLine()).startsWith("220");
            for (String command : List.of("HELO localhost", "MAIL FROM:<stack@example.com>", "RCPT TO:<dev@example.com>")) {
                assertThat(reply(client, server, command)).startsWith("250");
            }
            assertThat(reply(client, server, "DATA")).startsWith("354");
            assertThat(reply(client, server, "Subject: " + subject + "\r\n\r\nHello.\r\n.")).startsWith("250");
            reply(client, server, "QUIT");
        }
        Path mailLog = config.home().resolve("logs").resolve("mail.log");
        assertThat(Waits.until(() -> ChildProcess.tail(mailLog, 20).contains("Subject: " + subject),
                Duration.ofSeconds(10), null)).as("%s shows the message", mailLog).isTrue();
    }

    @Test
    void redisAnswersPingAndKeepsNothingOnDisk() throws Exception {
        assertThat(stack.endpoints().redisUrl()).isEqualTo("redis://127.0.0.1:" + config.redisPort());
        assertThat(RedisServer.answersPing(config.redisPort())).isTrue();
        try (Socket socket = new Socket("127.0.0.1", config.redisPort())) {
            BufferedReader server = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer client = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            assertThat(reply(client, server, "SET kept value")).isEqualTo("+OK");
            // CONFIG GET answers an array: *2, then the name and the value as bulk strings ($length, text).
            assertThat(List.of(reply(client, server, "CONFIG GET save"), server.readLine(), server.readLine(),
                    server.readLine(), server.readLine())).containsExactly("*2", "$4", "save", "$0", "");
            assertThat(List.of(reply(client, server, "CONFIG GET appendonly"), server.readLine(), server.readLine(),
                    server.readLine(), server.readLine())).containsExactly("*2", "$10", "appendonly", "$2", "no");
        }
    }

    @Test
    void endpointsMapToSpringSettings() {
        Map<String, String> environment = stack.endpoints().springEnvironment();
        assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "SPRING_KAFKA_BOOTSTRAPSERVERS",
                "SPRING_DATA_MONGODB_URI", "SPRING_ELASTICSEARCH_URIS")
                .containsEntry("SPRING_DATA_REDIS_URL", stack.endpoints().redisUrl())
                .doesNotContainKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
        assertThat(environment).containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
                .containsEntry("SPRING_MAIL_PORT", Integer.toString(config.smtpPort()));
        assertThat(Files.isDirectory(config.home().resolve("logs"))).isTrue();
    }

    @Test
    void aMissingServiceJarIsReportedClearly() {
        assertThatThrownBy(() -> ServiceProcess.start("command-api", Path.of("target/none.jar"), StackConfig.freePort(),
                Map.of(), config.home().resolve("logs/none.log"), java.time.Duration.ofSeconds(1)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("command-api jar not found");
    }

    /** One SMTP command and the first line of its reply. */
    private static String reply(Writer client, BufferedReader server, String command) throws IOException {
        client.write(command + "\r\n");
        client.flush();
        return server.readLine();
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(stack.endpoints().postgresJdbcUrl(), "postgres", "");
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers()));
    }
}
