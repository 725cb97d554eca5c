package io.tributary.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A real child process, started the way the local run starts a service, killed with SIGKILL and supervised. */
class ServiceSupervisorTest {

    private static final RestartPolicy QUICK = new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofMinutes(1), 3, Duration.ofMinutes(1));
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern PID = Pattern.compile("\"pid\":(\\d+)");

    @TempDir
    Path dir;
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final ServiceSupervisor supervisor = new ServiceSupervisor(QUICK, reports::add);
    private Path refuseToStart;
    private ServiceProcess service;

    @BeforeEach
    void startService() throws IOException {
        refuseToStart = dir.resolve("broken-setting");
        service = ServiceProcess.start("stand-in", StandInService.jarIn(dir), FreePorts.next(),
                Map.of("STAND_IN_SETTING", "kept", "STAND_IN_REFUSE_IF", refuseToStart.toString()),
                dir.resolve("stand-in.log"), PATIENCE);
        supervisor.supervise(service);
    }

    @AfterEach
    void stop() {
        supervisor.stop();
    }

    @Test
    void aKilledServiceIsReportedAndServesAgainOnItsPortWithItsSettings() {
        long killedPid = servingPid();

        service.kill();

        assertThat(Waits.until(() -> servingPid() > 0 && servingPid() != killedPid, PATIENCE, null))
                .as("another process serving at %s; reports: %s", service.baseUrl(), reports).isTrue();
        assertThat(health()).contains("\"setting\":\"kept\"");
        assertThat(reports.getFirst()).contains("stand-in exited unexpectedly with exit code 137 (pid " + killedPid + ")",
                "last 20 lines of " + dir.resolve("stand-in.log"), "stand-in listening on");
        assertThat(reports.get(1)).isEqualTo("stand-in: starting it again in 100 ms");
        assertThat(Waits.until(() -> reports.size() == 3, PATIENCE, null)).as("reports: %s", reports).isTrue();
        assertThat(reports.get(2)).isEqualTo("stand-in is running again (pid " + servingPid() + ") at " + service.baseUrl());
    }

    @Test
    void aServiceThatKeepsFailingIsGivenUpOnLoudly() throws Exception {
        Files.createFile(refuseToStart);

        service.kill();

        assertThat(Waits.until(() -> reports.stream().anyMatch(report -> report.startsWith("Gave up")), PATIENCE, null))
                .as("given up; reports: %s", reports).isTrue();
        assertThat(reports).filteredOn(report -> report.contains("exited before reporting UP")).hasSize(2)
                .allSatisfy(report -> assertThat(report).contains("refusing to start"));
        assertThat(reports.getLast()).isEqualTo("Gave up on stand-in: it failed 3 times within 1 min and is not"
                + " started again. The other services keep running; its log is " + dir.resolve("stand-in.log")
                + ". Ctrl-C stops everything.");
        int reportsWhenGivenUp = reports.size();
        Thread.sleep(QUICK.maxDelay().multipliedBy(3));
        assertThat(reports).hasSize(reportsWhenGivenUp);
        assertThat(health()).isEmpty();
    }

    @Test
    void aNormalStopStartsNothingAgain() throws Exception {
        long pid = servingPid();

        supervisor.stop();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        Thread.sleep(QUICK.maxDelay().multipliedBy(3));
        assertThat(health()).isEmpty();
        assertThat(reports).isEmpty();
    }

    /** The body of the service's liveness answer, empty when nothing answers. */
    private String health() {
        try {
            HttpResponse<String> response = Waits.get(service.baseUrl() + "/actuator/health/liveness");
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The pid of the process answering on the service's port, 0 when none does. */
    private long servingPid() {
        Matcher pid = PID.matcher(health());
        return pid.find() ? Long.parseLong(pid.group(1)) : 0;
    }
}
