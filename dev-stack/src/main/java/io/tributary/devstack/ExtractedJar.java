package io.tributary.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A service's executable Spring Boot jar extracted ({@code java -Djarmode=tools -jar x.jar extract}) into an
 * application jar beside its libraries, which the JDK's own class loader reads. Inside the executable jar, Spring
 * Boot's loader reads each nested jar under a monitor; with requests on virtual threads, the command API's first
 * concurrent commands once hung it (five minutes, until it was stopped): both carrier threads were pinned by virtual threads loading classes,
 * waiting for a nested jar's monitor held by a virtual thread that had no carrier left to run on. The container
 * images run the same layout.
 * <p>
 * Extracted once per build of the jar, into {@code extracted/} beside it, and shared by every start.
 */
public final class ExtractedJar {

    private static final String FOLDER = "extracted";
    /** The manifest attribute of an executable jar that names the folder of its nested libraries. */
    private static final String SPRING_BOOT_LIBRARIES = "Spring-Boot-Lib";
    private static final long EXTRACT_TIMEOUT_SECONDS = 120;

    private ExtractedJar() {
    }

    /**
     * The application jar extracted from {@code jar}, extracted now if this build of it has not been yet; a jar that
     * is not a Spring Boot executable jar has no nested jars and runs as it is.
     */
    public static Path of(Path jar) {
        try {
            if (!executable(jar)) {
                return jar;
            }
            Path folder = jar.toAbsolutePath().resolveSibling(FOLDER);
            String build = Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar);
            Path extracted = folder.resolve(baseName(jar) + "-" + build);
            Path application = extracted.resolve(jar.getFileName());
            if (!Files.isRegularFile(application)) {
                extract(jar, folder, extracted);
            }
            return application;
        } catch (IOException e) {
            throw new StackException("cannot extract " + jar + ": " + e.getMessage(), e);
        }
    }

    /** Into a folder of its own first, then renamed into place: two stacks may start the same service at once. */
    private static void extract(Path jar, Path folder, Path extracted) throws IOException {
        Files.createDirectories(folder);
        Path unpacking = Files.createTempDirectory(folder, "unpacking-");
        try {
            run(List.of(Java.executable(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                    "--destination", unpacking.toString()), jar);
            Files.move(unpacking, extracted, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Extracted meanwhile by another start: that copy serves.
        } finally {
            FileTrees.delete(unpacking);
        }
        removeEarlierBuilds(folder, baseName(jar), extracted);
    }

    private static void run(List<String> command, Path jar) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StackException("extracting " + jar + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while extracting " + jar, e);
        }
    }

    private static void removeEarlierBuilds(Path folder, String baseName, Path current) throws IOException {
        try (Stream<Path> builds = Files.list(folder)) {
            for (Path build : builds.filter(path -> !path.equals(current)
                    && path.getFileName().toString().startsWith(baseName + "-")).toList()) {
                FileTrees.delete(build);
            }
        }
    }

    private static boolean executable(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(SPRING_BOOT_LIBRARIES) != null;
        }
    }

    private static String baseName(Path jar) {
        String name = jar.getFileName().toString();
        return name.substring(0, name.length() - ".jar".length());
    }
}
