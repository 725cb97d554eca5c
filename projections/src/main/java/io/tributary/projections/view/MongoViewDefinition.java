package io.tributary.projections.view;

import com.mongodb.client.model.IndexModel;
import io.tributary.projections.AggregateProjection;

import java.util.List;
import java.util.function.Function;

/**
 * How a MongoDB view is made: its first version, the indices readers query it through, and the projection that
 * writes a given version (which names the aggregate type whose events it folds). Every version is made the same
 * way: the live ones, rebuilt ones, and the scratch versions of consistency checks.
 */
public record MongoViewDefinition(ViewVersion initial, List<IndexModel> indexes,
                                  Function<MongoView, AggregateProjection<?, ?>> projection) {

    public MongoViewDefinition {
        indexes = List.copyOf(indexes);
    }
}
