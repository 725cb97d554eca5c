package io.tributary.projections.view;

import io.tributary.projections.AggregateProjection;

import java.util.function.Function;

/**
 * How an Elasticsearch view is made: its first version, the index definition every version gets, the keyword field
 * holding the aggregate id (for ordered scans) and the projection that writes a given version.
 */
public record SearchViewDefinition(ViewVersion initial, String indexDefinition, String idField,
                                   Function<SearchView, AggregateProjection<?, ?>> projection) {
}
