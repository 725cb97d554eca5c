package io.tributary.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder: the nearest folder upwards that holds the Maven Wrapper. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        String configured = System.getenv("TRIBUTARY_HOME");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new StackException("cannot find the project root (a folder with mvnw) above " + Path.of("").toAbsolutePath());
    }
}
