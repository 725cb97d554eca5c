package io.tributary.chaos;

import io.tributary.devstack.ProjectRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI variant of {@code ./tributary chaos}: the quick plan (a light load from two clients, every target killed in
 * turn and given a few seconds) on a system of its own, with every check of the full run. Its report is
 * {@code target/chaos/ci.md}.
 */
class ChaosIT {

    @Test
    void nothingIsLostDoubledOrDivergentWhileEveryServiceAndServerIsKilledInTurn() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        // Readable by others: Elasticsearch runs as an unprivileged user when the tests run as root.
        Path home = Files.createTempDirectory(target, "chaos-stack-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        ChaosResult result = Chaos.run(ChaosPlan.quick(), ProjectRoot.find(), home,
                List.of(target.resolve("chaos").resolve("ci.md")), System.out::println);

        assertThat(result.failures()).as("see target/chaos/ci.md").isEmpty();
        assertThat(result.faults()).extracting(Fault::target).containsExactlyElementsOf(ChaosPlan.quick().faults());
        assertThat(result.commands()).filteredOn(command -> command.outcome() == Command.Outcome.ACKED)
                .extracting(Command::kind).contains(Command.Kind.values());
    }
}
