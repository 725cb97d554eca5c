package io.tributary.projections.view;

import io.tributary.projections.AggregateProjection;

import java.util.function.Function;

/**
 * How an Elasticsearch view is made: the live version, its index definition, the keyword field holding the
 * aggregate id (for ordered scans) and the projection that writes a given version.
 */
public record SearchViewDefinition(ViewVersion live, String indexDefinition, String idField,
                                   Function<SearchView, AggregateProjection<?>> projection) {
}
