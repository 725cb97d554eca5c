package io.tributary.command.handling;

import org.axonframework.modelling.command.Aggregate;

/**
 * What every command answers: which aggregate it touched and the version that aggregate has now.
 * Versions count events: the first event of an aggregate makes version 1.
 */
public record AggregateVersion(String id, long version) {

    public static AggregateVersion of(Aggregate<?> aggregate) {
        return new AggregateVersion(aggregate.identifierAsString(), aggregate.version() + 1);
    }
}
