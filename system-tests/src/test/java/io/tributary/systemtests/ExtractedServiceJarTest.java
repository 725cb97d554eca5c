package io.tributary.systemtests;

import io.tributary.devstack.ExtractedJar;
import io.tributary.devstack.ProjectRoot;
import io.tributary.devstack.ServiceJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack runs each service from its extracted jar: an application jar whose manifest names the service's
 * main class and its libraries, each of them there; extracted once per build of the executable jar. The container
 * images extract and run it the same way.
 */
class ExtractedServiceJarTest {

    @TempDir
    Path folder;

    @Test
    void aServiceJarIsExtractedOncePerBuildIntoAnApplicationJarWithItsLibraries() throws IOException {
        Path jar = Files.copy(ServiceJar.find(ProjectRoot.find(), "query-api"), folder.resolve("query-api-1.jar"));

        Path application = ExtractedJar.of(jar);

        Manifest manifest = manifestOf(application);
        assertThat(manifest.getMainAttributes().getValue("Main-Class"))
                .isEqualTo("io.tributary.query.QueryApiApplication");
        String[] libraries = manifest.getMainAttributes().getValue("Class-Path").split(" ");
        assertThat(libraries).hasSizeGreaterThan(50)
                .allSatisfy(library -> assertThat(application.resolveSibling(library)).isRegularFile());
        assertThat(Arrays.stream(libraries)).anyMatch(library -> library.contains("spring-boot-3"));

        FileTime extractedAt = Files.getLastModifiedTime(application);
        assertThat(ExtractedJar.of(jar)).as("the same build again").isEqualTo(application);
        assertThat(Files.getLastModifiedTime(application)).isEqualTo(extractedAt);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(extractedAt.toMillis() + 60_000));
        Path rebuilt = ExtractedJar.of(jar);
        assertThat(rebuilt).as("a new build").isNotEqualTo(application).isRegularFile();
        assertThat(application.getParent()).as("the earlier build's extraction is removed").doesNotExist();
        try (var entries = Files.list(rebuilt.getParent().getParent())) {
            assertThat(entries).as("nothing half-extracted left behind").containsExactly(rebuilt.getParent());
        }
    }

    @Test
    void eachContainerImageRunsTheExtractedApplicationJarBesideItsLibraries() throws IOException {
        for (String service : new String[] {"command-api", "projections", "query-api"}) {
            String dockerfile = Files.readString(Path.of("..", service, "Dockerfile"));
            assertThat(dockerfile).as(service)
                    .contains("RUN java -Djarmode=tools -jar " + service + ".jar extract --destination extracted")
                    .contains("COPY --from=extract /build/extracted/lib /app/lib")
                    .contains("COPY --from=extract /build/extracted/" + service + ".jar /app/" + service + ".jar")
                    .containsPattern("ENTRYPOINT \\[.*\"-jar\", \"/app/" + service + ".jar\"]");
        }
    }

    private static Manifest manifestOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        }
    }
}
