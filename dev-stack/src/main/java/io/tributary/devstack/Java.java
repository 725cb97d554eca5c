package io.tributary.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The JVM that runs the launcher also runs the Java servers; their classpaths were resolved by the build. */
final class Java {

    private Java() {
    }

    /** The options of {@link LocalStack#SERVER_JAVA_OPTIONS}, one list element each. */
    static List<String> serverOptions() {
        return options(System.getenv(LocalStack.SERVER_JAVA_OPTIONS));
    }

    /** JVM options given as one string separated by white space (absent or blank: none), one list element each. */
    static List<String> options(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    /** A classpath (or path) written into dev-stack's resources at build time. */
    static String buildResource(String name) {
        try (InputStream in = Java.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new StackException("dev-stack resource " + name + " is missing; rebuild with ./mvnw install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new StackException("cannot read dev-stack resource " + name, e);
        }
    }

    /** The jar or classes folder a class was loaded from. */
    static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new StackException("cannot locate " + type.getName(), e);
        }
    }
}
