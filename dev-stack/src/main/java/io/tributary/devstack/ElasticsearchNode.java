package io.tributary.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single Elasticsearch node from the distribution zip on Maven Central. Elasticsearch refuses to run as
 * root, so a root launcher runs it as the unprivileged system user {@value #SERVICE_USER}.
 */
final class ElasticsearchNode extends ChildServer {

    static final String SERVICE_USER = "tributary";
    // 12 s on an idle machine; several minutes when the machine is shared with other builds and servers.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final StackConfig config;
    private final Path dir;
    private final Path logFile;

    ElasticsearchNode(StackConfig config) {
        super(config.home().resolve("elasticsearch").resolve("elasticsearch.pid"));
        this.config = config;
        this.dir = config.home().resolve("elasticsearch");
        this.logFile = config.home().resolve("logs").resolve("elasticsearch.log");
    }

    @Override
    public String start() {
        String url = "http://127.0.0.1:" + config.elasticsearchPort();
        if (adoptRunning() && healthy(url)) {
            return url;
        }
        if (Waits.portOpen(config.elasticsearchPort())) {
            throw new StackException("Elasticsearch: port " + config.elasticsearchPort() + " is taken by another program");
        }
        try {
            Path distribution = unpack();
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("logs"));
            boolean root = isRoot();
            if (root) {
                ensureServiceUser();
                run(List.of("chown", "-R", SERVICE_USER + ":", dir.toString()));
            }
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
            }
            List<String> javaOptions = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
            javaOptions.addAll(Java.serverOptions());
            command.addAll(List.of("env", "ES_JAVA_HOME=" + Java.home(), "ES_JAVA_OPTS=" + String.join(" ", javaOptions),
                    distribution.resolve("bin").resolve("elasticsearch").toString(),
                    "-Ediscovery.type=single-node",
                    "-Enode.name=tributary",
                    "-Enetwork.host=127.0.0.1",
                    "-Ehttp.port=" + config.elasticsearchPort(),
                    "-Etransport.port=" + config.elasticsearchTransportPort(),
                    "-Epath.data=" + dir.resolve("data"),
                    "-Epath.logs=" + dir.resolve("logs"),
                    "-Expack.security.enabled=false",
                    "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
            ChildProcess node = ChildProcess.start("Elasticsearch", command, Map.of(), dir, logFile, pidFile);
            awaitStarted(node, () -> healthy(url), START_TIMEOUT, "did not become healthy on " + url);
            return url;
        } catch (IOException e) {
            throw new StackException("Elasticsearch could not be prepared in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code GET /} answers 405 in this distribution; cluster health is the readiness signal. */
    private static boolean healthy(String url) {
        return Waits.httpOk(url + "/_cluster/health?wait_for_status=yellow&timeout=1s", "\"status\"");
    }

    /** Unpacked once per stack folder. */
    private Path unpack() throws IOException {
        Path zip = Path.of(Java.buildResource("elasticsearch.distribution"));
        return ServerDistribution.unpack(zip, dir, zip.getFileName().toString().replace(".zip", ""), "bin", "jdk/bin");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ensureServiceUser() {
        if (run(List.of("id", "-u", SERVICE_USER)) != 0
                && run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER)) != 0) {
            throw new StackException("Elasticsearch cannot run as root and the user '" + SERVICE_USER
                    + "' could not be created (useradd failed)");
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
