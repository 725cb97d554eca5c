package io.tributary.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An Apache Kafka broker in KRaft mode (broker and controller in one process), from Maven Central jars. */
final class KafkaBroker extends ChildServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final StackConfig config;
    private final Path dir;
    private final Path logFile;
    private long logOffset;

    KafkaBroker(StackConfig config) {
        super(config.home().resolve("kafka").resolve("kafka.pid"));
        this.config = config;
        this.dir = config.home().resolve("kafka");
        this.logFile = config.home().resolve("logs").resolve("kafka.log");
    }

    @Override
    public String start() {
        String bootstrap = "127.0.0.1:" + config.kafkaPort();
        if (adoptRunning() && Waits.portOpen(config.kafkaPort())) {
            return bootstrap;
        }
        if (Waits.portOpen(config.kafkaPort())) {
            throw new StackException("Kafka: port " + config.kafkaPort() + " is taken by another program");
        }
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(logFile.getParent());
            Path properties = writeServerProperties();
            Path log4j = writeLog4jConfig();
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                format(properties, log4j);
            }
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            List<String> command = javaCommand(log4j, "kafka.Kafka", properties.toString());
            ChildProcess broker = ChildProcess.start("Kafka", command, Map.of(), dir, logFile, pidFile);
            awaitStarted(broker, () -> Waits.portOpen(config.kafkaPort()) && logShowsStarted(), START_TIMEOUT,
                    "did not start on " + bootstrap);
            return bootstrap;
        } catch (IOException e) {
            throw new StackException("Kafka could not be prepared in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Only what this start wrote counts: the log is appended to across starts. */
    private boolean logShowsStarted() {
        try (var channel = Files.newByteChannel(logFile)) {
            channel.position(logOffset);
            byte[] written = java.nio.channels.Channels.newInputStream(channel).readAllBytes();
            return new String(written, java.nio.charset.StandardCharsets.UTF_8).contains("Kafka Server started");
        } catch (IOException e) {
            return false;
        }
    }

    private void format(Path properties, Path log4j) throws IOException {
        List<String> command = javaCommand(log4j, "kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", clusterId(), "--config", properties.toString());
        Process format = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new StackException("Kafka storage could not be formatted; last lines of " + logFile + ":\n"
                        + ChildProcess.tail(logFile, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage");
        }
    }

    private List<String> javaCommand(Path log4j, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms128m", "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp", Java.buildResource("kafka-broker.classpath") + java.io.File.pathSeparator
                        + Java.locationOf(org.slf4j.Logger.class),
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private Path writeServerProperties() throws IOException {
        int port = config.kafkaPort();
        int controller = config.kafkaControllerPort();
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path file = dir.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "appender.console.type=Console",
                "appender.console.name=STDOUT",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=[%d] %p %m (%c)%n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "logger.kafka.name=kafka",
                "logger.kafka.level=WARN",
                "logger.started.name=kafka.server.KafkaRaftServer",
                "logger.started.level=INFO",
                "logger.apache.name=org.apache.kafka",
                "logger.apache.level=WARN",
                ""));
        return file;
    }

    /** A random cluster id in Kafka's format (16 bytes, URL-safe base64 without padding). */
    /** Base64url of 16 random bytes, never starting with '-', which the storage tool would take for an option. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
