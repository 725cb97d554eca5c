package io.tributary.bench.tools;

import io.tributary.devstack.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * nginx serving files from a folder on a free loopback port, in the foreground as our own child process, with
 * a configuration written here (no system configuration or service is touched).
 */
public final class NginxBaseline implements AutoCloseable {

    private final Process process;
    private final int port;

    private NginxBaseline(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx serving {@code folder}, or empty when nginx is not installed. */
    public static Optional<NginxBaseline> start(Path folder) {
        Optional<Path> executable = Command.find("nginx");
        if (executable.isEmpty()) {
            return Optional.empty();
        }
        try {
            int port = FreePorts.next();
            Path prefix = Files.createDirectories(folder.resolveSibling("nginx"));
            Files.createDirectories(prefix.resolve("logs"));
            Path config = prefix.resolve("nginx.conf");
            Files.writeString(config, """
                    daemon off;
                    worker_processes auto;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      types { application/json json; }
                      server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                      }
                    }
                    """.formatted(prefix, port, folder.toAbsolutePath()));
            Process process = new ProcessBuilder(List.of(executable.get().toString(), "-p", prefix.toString(), "-c", config.toString()))
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("logs").resolve("nginx.out").toFile()).start();
            NginxBaseline nginx = new NginxBaseline(process, port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (!listening(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    nginx.close();
                    throw new Command.ToolFailedException("nginx did not start; see " + prefix.resolve("logs"));
                }
                Thread.sleep(50);
            }
            return Optional.of(nginx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Command.ToolFailedException("interrupted while starting nginx");
        }
    }

    public String url(String file) {
        return "http://127.0.0.1:" + port + "/" + file;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
