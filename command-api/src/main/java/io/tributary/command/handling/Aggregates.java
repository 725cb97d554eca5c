package io.tributary.command.handling;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.function.Consumer;

/** Runs a command on an existing aggregate, honouring the version the client expects (If-Match). */
public final class Aggregates {

    private Aggregates() {
    }

    public static <T> AggregateVersion execute(Repository<T> repository, String id, Long expectedVersion,
                                               Consumer<T> command) {
        Aggregate<T> aggregate = repository.load(id);
        long current = AggregateVersion.of(aggregate).version();
        if (expectedVersion != null && expectedVersion != current) {
            throw new StaleVersionException(id, expectedVersion, current);
        }
        aggregate.execute(command);
        return AggregateVersion.of(aggregate);
    }
}
