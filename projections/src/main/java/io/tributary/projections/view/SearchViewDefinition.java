package io.tributary.projections.view;

import io.tributary.events.AggregateType;
import io.tributary.projections.Projection;

import java.util.function.Function;

/**
 * How an Elasticsearch view is made: the live version, its index definition, the keyword field holding the
 * aggregate id (for ordered scans), the aggregate type whose events it folds and the projection that writes a
 * given version.
 */
public record SearchViewDefinition(ViewVersion live, String indexDefinition, String idField, AggregateType source,
                                   Function<SearchView, Projection> projection) {
}
