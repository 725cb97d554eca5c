package io.tributary.command.handling;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.function.Consumer;
import java.util.function.Predicate;

/** Runs a command on an existing aggregate, honouring the version the client expects (If-Match). */
public final class Aggregates {

    private Aggregates() {
    }

    public static <T> AggregateVersion execute(Repository<T> repository, String id, Long expectedVersion,
                                               Consumer<T> command) {
        return execute(repository, id, expectedVersion, aggregate -> true, command);
    }

    /**
     * The same for an aggregate only some requesters may change: to anyone else it does not exist. The check comes
     * before the version's, so that neither a stale-version answer nor any other tells a stranger it exists.
     */
    public static <T> AggregateVersion execute(Repository<T> repository, String id, Long expectedVersion,
                                               Predicate<T> visible, Consumer<T> command) {
        Aggregate<T> aggregate = repository.load(id);
        if (!aggregate.invoke(visible::test)) {
            throw new AggregateNotFoundException(id, "The aggregate was not found in the event store");
        }
        long current = AggregateVersion.of(aggregate).version();
        if (expectedVersion != null && expectedVersion != current) {
            throw new StaleVersionException(id, expectedVersion, current);
        }
        aggregate.execute(command);
        return AggregateVersion.of(aggregate);
    }
}
