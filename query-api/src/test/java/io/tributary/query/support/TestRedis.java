package io.tributary.query.support;

import io.tributary.devstack.FreePorts;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real redis-server (the binary inside embedded-redis) for the query API's tests, on a free port, nothing kept on
 * disk. One per test JVM, like the stack; it can be stopped and started again on the same port for outage tests.
 */
public final class TestRedis {

    private static TestRedis shared;

    private final int port;
    private RedisServer server;

    private TestRedis(int port) {
        this.port = port;
    }

    public static synchronized TestRedis shared() {
        if (shared == null) {
            shared = new TestRedis(FreePorts.next());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-redis-stop"));
        }
        return shared;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void start() {
        try {
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
