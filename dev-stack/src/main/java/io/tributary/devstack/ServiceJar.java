package io.tributary.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where a service's executable Spring Boot jar is after the build: {@code <root>/<name>/target/<name>-*.jar}. */
public final class ServiceJar {

    private ServiceJar() {
    }

    public static Path find(Path root, String name) {
        Path target = root.resolve(name).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> {
                        String fileName = file.getFileName().toString();
                        return fileName.startsWith(name + "-") && fileName.endsWith(".jar")
                                && !fileName.endsWith("-plain.jar") && !fileName.endsWith("-sources.jar");
                    })
                    .findFirst()
                    .orElseThrow(() -> new StackException(name + " jar not found in " + target
                            + "; build it with ./mvnw -DskipTests install (or run ./tributary without --no-build)"));
        } catch (IOException e) {
            throw new StackException("cannot look into " + target + ": " + e.getMessage(), e);
        }
    }
}
