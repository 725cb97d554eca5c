package io.tributary.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server run as a process this launcher started, or one left running by an earlier launcher (found through its
 * pid file) and adopted, so that stopping the stack stops it too.
 */
abstract class ChildServer implements ManagedServer {

    protected final Path pidFile;
    private ChildProcess started;
    private ProcessHandle adopted;

    ChildServer(Path pidFile) {
        this.pidFile = pidFile;
    }

    /**
     * Takes over a process just started and waits until it is ready.
     *
     * @param notReady what it did not do, e.g. "did not listen on 27017"; the timeout and the tail of its log are added
     * @throws StackException after stopping the process, when it died or was not ready in time
     */
    final void awaitStarted(ChildProcess process, BooleanSupplier ready, Duration timeout, String notReady) {
        this.started = process;
        this.adopted = null;
        if (!Waits.until(ready, timeout, process)) {
            StackException failure = process.failure(notReady + " within " + timeout.toSeconds() + "s");
            process.stop();
            throw failure;
        }
    }

    /** Adopts the process the pid file names, if it still runs. */
    final boolean adoptRunning() {
        Optional<ProcessHandle> running = ChildProcess.runningFrom(pidFile);
        running.ifPresent(handle -> {
            this.adopted = handle;
            this.started = null;
        });
        return running.isPresent();
    }

    @Override
    public final void stop() {
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

    @Override
    public final void kill() {
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
