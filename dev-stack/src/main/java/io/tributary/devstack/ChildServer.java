package io.tributary.devstack;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server process this launcher started, or one left running by an earlier launcher (found through its pid
 * file) and adopted, so that stopping the stack stops it too.
 */
final class Adoptable {

    private ChildProcess started;
    private ProcessHandle adopted;

    void started(ChildProcess process) {
        this.started = process;
        this.adopted = null;
    }

    boolean adoptFrom(Path pidFile) {
        Optional<ProcessHandle> running = ChildProcess.runningFrom(pidFile);
        running.ifPresent(handle -> {
            this.adopted = handle;
            this.started = null;
        });
        return running.isPresent();
    }

    ChildProcess process() {
        return started;
    }

    void stop(Path pidFile) {
        if (started != null) {
            started.stop();
        } else if (adopted != null) {
            adopted.descendants().forEach(ProcessHandle::destroy);
            adopted.destroy();
            try {
                adopted.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                adopted.destroyForcibly();
            }
            ChildProcess.deletePidFile(pidFile);
        }
        started = null;
        adopted = null;
    }

    void kill() {
        if (started != null) {
            started.kill();
        } else if (adopted != null) {
            adopted.descendants().forEach(ProcessHandle::destroyForcibly);
            adopted.destroyForcibly();
        }
        started = null;
        adopted = null;
    }
}
