package io.tributary.query.support;

import io.tributary.devstack.FreePorts;
import io.tributary.devstack.MongoServerMain;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The stack's Mongo-protocol server in a process of its own with memory storage, for bulk data: its file
 * storage (H2 MVStore) writes a few hundred documents a second here and fails reading 100k fresh ones
 * ("Chunk … not found"). A separate process keeps the server's memory out of the heap the tests measure.
 */
public final class MemoryMongoServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private MemoryMongoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MemoryMongoServer start() {
        int port = FreePorts.next();
        try {
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-cp", serverClasspath() + File.pathSeparator + location(), MongoServerMain.class.getName(),
                    "--port", Integer.toString(port)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!listening(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the Mongo-protocol server did not listen on " + port);
                }
                Thread.sleep(100);
            }
            return new MemoryMongoServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static String serverClasspath() throws IOException {
        try (InputStream in = MongoServerMain.class.getResourceAsStream("mongo-server.classpath")) {
            if (in == null) {
                throw new IllegalStateException("dev-stack has no mongo-server.classpath; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static String location() {
        try {
            return Path.of(MongoServerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
