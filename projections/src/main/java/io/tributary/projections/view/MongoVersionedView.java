package io.tributary.projections.view;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.tributary.projections.AggregateProjection;

/** A MongoDB view's versions: collections {@code <name>_v<n>}; readers follow the view registry. */
public final class MongoVersionedView extends VersionedView {

    private final MongoViewDefinition definition;
    private final MongoDatabase database;
    private final ViewRegistry registry;

    public MongoVersionedView(MongoViewDefinition definition, MongoDatabase database, ViewRegistry registry) {
        super(definition.initial());
        this.definition = definition;
        this.database = database;
        this.registry = registry;
    }

    @Override
    public String store() {
        return "mongodb";
    }

    @Override
    public AggregateProjection<?, ?> projectionOf(ViewVersion version) {
        return definition.projection().apply(new MongoView(version, database, definition.indexes()));
    }

    @Override
    public void create(int version) {
        projection(version).view().ensureReady();
    }

    @Override
    public void pointReadersAt(int version) {
        registry.point(version(version));
    }

    @Override
    public void pointReadersIfUnset(int version) {
        registry.registerIfAbsent(version(version));
    }

    @Override
    void dropStored(ViewVersion version) {
        try {
            database.getCollection(version.physicalName()).drop();
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "drop " + version);
        }
    }
}
