package io.tributary.projections.view;

import io.tributary.projections.AggregateProjection;

import java.util.function.Function;

/**
 * How a MongoDB view is made: the live version and the projection that writes a given version (which names the
 * aggregate type whose events it folds). Lets tools build the same view into a scratch version (consistency checks,
 * rebuilds).
 */
public record MongoViewDefinition(ViewVersion live, Function<MongoView, AggregateProjection<?>> projection) {
}
