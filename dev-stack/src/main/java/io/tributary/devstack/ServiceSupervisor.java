package io.tributary.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the local run's services running, as a process manager does. A service that exits while it is not being
 * stopped is reported with its exit code and the tail of its log, and started again with the command it had (same
 * port, settings and log) after a back-off. A restart that does not report UP counts as another failure.
 * <p>
 * After too many failures within the {@link RestartPolicy}'s window the supervisor gives up on that service and
 * says so, and leaves the launcher and the other services running rather than stopping everything: the services
 * are independent processes (the query API still answers reads while the command API is down, as it would in
 * production), the data servers stay warm while the cause is read from the log, and Ctrl-C still stops what is left.
 */
public final class ServiceSupervisor {

    private static final int LOG_LINES = 20;
    /** A restart waits for the service's health, which can take minutes; each gets a thread of its own. */
    private static final Executor RESTARTS = task -> Thread.ofVirtual().name("service-restart").start(task);

    private final RestartPolicy policy;
    private final Consumer<String> report;
    private final List<Supervised> services = new ArrayList<>();
    private boolean stopping;

    /** With the local run's policy; {@code report} gets each crash, restart and giving up as a message. */
    public ServiceSupervisor(Consumer<String> report) {
        this(RestartPolicy.LOCAL_RUN, report);
    }

    ServiceSupervisor(RestartPolicy policy, Consumer<String> report) {
        this.policy = policy;
        this.report = report;
    }

    /** Watches a service that has just reported UP; one handed over while stopping is stopped at once. */
    public void supervise(ServiceProcess service) {
        synchronized (this) {
            if (!stopping) {
                Supervised supervised = new Supervised(service, new RestartHistory(policy));
                supervised.history.up(System.nanoTime());
                services.add(supervised);
                watch(supervised, service);
                return;
            }
        }
        service.stop();
    }

    /** Stops every service, the last supervised first; an exit from now on is no crash and starts nothing. */
    public void stop() {
        List<ServiceProcess> running;
        synchronized (this) {
            stopping = true;
            running = services.stream().map(supervised -> supervised.current).toList();
        }
        running.reversed().forEach(ServiceProcess::stop);
    }

    private void watch(Supervised supervised, ServiceProcess process) {
        process.onExit().thenAcceptAsync(exitCode -> failed(supervised, process, () ->
                "%s exited unexpectedly with exit code %d (pid %d); last %d lines of %s:%n%s".formatted(
                        process.name(), exitCode, process.pid(), LOG_LINES, process.logFile(),
                        process.logTail(LOG_LINES))), RESTARTS);
    }

    /** A crash or a restart that did not come up: reported, then started again after the back-off, or given up. */
    private void failed(Supervised supervised, ServiceProcess process, Supplier<String> what) {
        Optional<Duration> delay;
        synchronized (this) {
            if (stopping || supervised.current != process) {
                return;
            }
            delay = supervised.history.failed(System.nanoTime());
        }
        report.accept(what.get());
        if (delay.isPresent()) {
            report.accept("%s: starting it again in %s".formatted(process.name(), readable(delay.get())));
            CompletableFuture.runAsync(() -> restart(supervised, process),
                    CompletableFuture.delayedExecutor(delay.get().toMillis(), TimeUnit.MILLISECONDS, RESTARTS));
        } else {
            report.accept(("Gave up on %s: it failed %d times within %s and is not started again. The other services"
                    + " keep running; its log is %s. Ctrl-C stops everything.").formatted(process.name(),
                    policy.maxFailures(), readable(policy.window()), process.logFile()));
        }
    }

    private void restart(Supervised supervised, ServiceProcess crashed) {
        Optional<ServiceProcess> restarted;
        try {
            restarted = startAgain(supervised, crashed);
        } catch (StackException e) {
            failed(supervised, crashed, e::getMessage);
            return;
        }
        if (restarted.isEmpty()) {
            return;
        }
        ServiceProcess service = restarted.get();
        try {
            service.awaitUp();
        } catch (StackException e) {
            failed(supervised, service, e::getMessage);
            return;
        }
        synchronized (this) {
            if (stopping) {
                return;
            }
            supervised.history.up(System.nanoTime());
        }
        report.accept("%s is running again (pid %d) at %s".formatted(service.name(), service.pid(), service.baseUrl()));
        watch(supervised, service);
    }

    /** Under the lock, so that {@link #stop} either sees the new process or prevents it. */
    private synchronized Optional<ServiceProcess> startAgain(Supervised supervised, ServiceProcess crashed) {
        if (stopping) {
            return Optional.empty();
        }
        supervised.current = crashed.startAgain();
        return Optional.of(supervised.current);
    }

    private static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + " ms";
        }
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /** One service: the process that runs it now (or ran it last) and its failures. */
    private static final class Supervised {

        private final RestartHistory history;
        private ServiceProcess current;

        Supervised(ServiceProcess current, RestartHistory history) {
            this.current = current;
            this.history = history;
        }
    }
}
