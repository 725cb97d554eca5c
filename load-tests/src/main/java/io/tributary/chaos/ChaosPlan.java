package io.tributary.chaos;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard a chaos run is.
 *
 * @param name           {@code full} or {@code quick}, the name of its report
 * @param clients        client threads sending the mixed load
 * @param thinkTime      each client's pause between two calls
 * @param warmUp         load before the first fault
 * @param betweenFaults  load between one target being healthy again and the next kill
 * @param down           how long a killed target stays down before it is started again
 * @param coolDown       load after the last fault, before the load stops
 * @param commandPatience how long a client retries one command (same {@code Idempotency-Key}) before it counts
 *                        the command's outcome as unknown
 * @param convergence    how long the sagas, the views and the notifications may take to converge once the load
 *                       stopped: a bound for a stuck system, not a target (a busy machine takes minutes)
 * @param faults         the targets killed, in this order
 */
record ChaosPlan(String name, int clients, Duration thinkTime, Duration warmUp, Duration betweenFaults, Duration down, Duration coolDown,
                 Duration commandPatience, Duration convergence, List<Target> faults) {

    private static final List<Target> EVERY_TARGET = List.of(Target.COMMAND_API, Target.PROJECTIONS, Target.QUERY_API,
            Target.KAFKA, Target.ELASTICSEARCH, Target.MONGO, Target.POSTGRES);

    /** {@code ./tributary chaos}: every target in turn, with load flowing well before and after each fault. */
    static ChaosPlan full() {
        return new ChaosPlan("full", 8, Duration.ofMillis(10), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofSeconds(180), Duration.ofSeconds(600), EVERY_TARGET);
    }

    /** The CI variant and {@code --quick}: every target in turn, each given only a few seconds. */
    static ChaosPlan quick() {
        return new ChaosPlan("quick", 2, Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(300), EVERY_TARGET);
    }
}
