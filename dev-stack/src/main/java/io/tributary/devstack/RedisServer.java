package io.tributary.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real {@code redis-server}, the Linux binary shipped inside the embedded-redis jar on Maven Central, run as a
 * process of its own. Nothing is kept on disk: it is a cache.
 */
final class RedisServer extends ChildServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final StackConfig config;
    private final Path dir;
    private final Path logFile;

    RedisServer(StackConfig config) {
        super(config.home().resolve("redis").resolve("redis.pid"));
        this.config = config;
        this.dir = config.home().resolve("redis");
        this.logFile = config.home().resolve("logs").resolve("redis.log");
    }

    @Override
    public String start() {
        int port = config.redisPort();
        String url = "redis://127.0.0.1:" + port;
        if (adoptRunning() && answersPing(port)) {
            return url;
        }
        if (Waits.portOpen(port)) {
            throw new StackException("Redis: port " + port + " is taken by another program");
        }
        try {
            Files.createDirectories(dir);
            List<String> command = List.of(binary().toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString());
            for (int attempt = 1; ; attempt++) {
                try {
                    ChildProcess server = ChildProcess.start("Redis", command, Map.of(), dir, logFile, pidFile);
                    awaitStarted(server, () -> answersPing(port), START_TIMEOUT, "did not answer PING on " + port);
                    return url;
                } catch (StackException e) {
                    // A process another server forked while the binary was being written holds it open for writing
                    // until that process execs; executing it meanwhile fails with ETXTBSY. It passes in a moment.
                    if (attempt == START_ATTEMPTS || !String.valueOf(e.getMessage()).contains("Text file busy")) {
                        throw e;
                    }
                    Thread.sleep(500L * attempt);
                }
            }
        } catch (IOException e) {
            throw new StackException("Redis could not be prepared in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Redis: interrupted while starting", e);
        }
    }

    /** {@code PING} answered with {@code +PONG}. */
    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return "+PONG".equals(reply);
        } catch (IOException e) {
            return false;
        }
    }

    /** The binary for this machine, copied out of the jar once per stack folder. */
    private Path binary() throws IOException {
        String name = binaryName();
        Path binary = dir.resolve(name);
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Path jar = Path.of(Java.buildResource("redis.distribution"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new StackException(jar + " has no " + name);
            }
            Path partial = dir.resolve(name + ".partial");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE);
        }
        return binary;
    }

    private static String binaryName() {
        return binaryName(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The redis-server binary the distribution jar ships for this platform. */
    static String binaryName(String os, String arch) {
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("Linux") && x64) {
            return "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.startsWith("Linux") && arm64) {
            return "redis-server-6.2.7-linux-arm64";
        }
        if (os.startsWith("Mac") && x64) {
            return "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.startsWith("Mac") && arm64) {
            return "redis-server-6.2.6-v5-darwin-arm64";
        }
        throw new StackException("no redis-server binary for " + os + " " + arch
                + "; run a Redis yourself and set TRIBUTARY_REDIS_URL");
    }
}
