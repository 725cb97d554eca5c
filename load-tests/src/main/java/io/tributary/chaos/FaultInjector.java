package io.tributary.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Kills the plan's targets one after the other, each with SIGKILL, and starts each again once it was down a while. */
final class FaultInjector {

    private final ChaosSystem system;
    private final LongSupplier clock;
    private final Consumer<String> progress;

    /** @param clock milliseconds since the run started */
    FaultInjector(ChaosSystem system, LongSupplier clock, Consumer<String> progress) {
        this.system = system;
        this.clock = clock;
        this.progress = progress;
    }

    List<Fault> inject(ChaosPlan plan) {
        List<Fault> faults = new ArrayList<>();
        for (Target target : plan.faults()) {
            if (!faults.isEmpty()) {
                sleep(plan.betweenFaults());
            }
            if (!system.mayKill(target)) {
                String reason = "a shared server of the machine (not this run's own process), so not killed";
                progress.accept(target.label() + ": " + reason);
                faults.add(new Fault(target, -1, -1, reason));
                continue;
            }
            long killed = clock.getAsLong();
            system.kill(target);
            progress.accept(target.label() + " killed (SIGKILL) at " + seconds(killed));
            sleep(plan.down());
            system.restart(target);
            long healthy = clock.getAsLong();
            progress.accept(target.label() + " back at " + seconds(healthy) + ", " + seconds(healthy - killed) + " after the kill");
            faults.add(new Fault(target, killed, healthy, null));
        }
        return faults;
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
