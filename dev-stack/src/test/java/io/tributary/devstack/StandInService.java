package io.tributary.devstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A service as small as it gets, started as a jar the way the Tributary services are: answers
 * {@code /actuator/health/liveness} on {@code SERVER_PORT} with UP, its pid and the setting {@code STAND_IN_SETTING},
 * while its overall {@code /actuator/health} says OUT_OF_SERVICE (as the projections' does while a view catches up); refuses
 * to start while the file {@code STAND_IN_REFUSE_IF} names exists, as a service with a broken setting would.
 */
public final class StandInService {

    private StandInService() {
    }

    public static void main(String[] args) throws IOException {
        String refuseIf = System.getenv("STAND_IN_REFUSE_IF");
        if (refuseIf != null && Files.exists(Path.of(refuseIf))) {
            System.out.println("refusing to start: " + refuseIf + " exists");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        long pid = ProcessHandle.current().pid();
        byte[] health = "{\"status\":\"UP\",\"pid\":%d,\"setting\":\"%s\"}"
                .formatted(pid, System.getenv("STAND_IN_SETTING")).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] notReady = "{\"status\":\"OUT_OF_SERVICE\"}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/actuator/health", exchange -> {
            boolean liveness = exchange.getRequestURI().getPath().equals("/actuator/health/liveness");
            byte[] answer = liveness ? health : notReady;
            exchange.sendResponseHeaders(liveness ? 200 : 503, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        server.start();
        System.out.println("stand-in listening on " + port + " as pid " + pid);
    }

    /** An executable jar of this class, in {@code dir}. */
    static Path jarIn(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        Path jar = dir.resolve("stand-in.jar");
        String classFile = StandInService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream in = Objects.requireNonNull(StandInService.class.getClassLoader().getResourceAsStream(classFile))) {
            out.putNextEntry(new JarEntry(classFile));
            in.transferTo(out);
        }
        return jar;
    }
}
