package io.tributary.projections.view;

import io.tributary.events.AggregateType;
import io.tributary.projections.Projection;

import java.util.function.Function;

/**
 * How a MongoDB view is made: the live version, the aggregate type whose events it folds, and the projection that
 * writes a given version. Lets tools build the same view into a scratch version (consistency checks, rebuilds).
 */
public record MongoViewDefinition(ViewVersion live, AggregateType source, Function<MongoView, Projection> projection) {
}
