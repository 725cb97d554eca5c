package io.tributary.projections.view;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.Optional;

/**
 * The {@code view_registry} collection: one document per view name, {@code {_id: "users", collection:
 * "users_v1"}}, naming the collection readers use. Switching a view to a rebuilt version is a single-document
 * update of its entry, so readers never see a half-built view.
 */
public class ViewRegistry {

    public static final String COLLECTION = "view_registry";
    static final String ACTIVE_COLLECTION = "collection";

    private final MongoCollection<Document> entries;

    public ViewRegistry(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
    }

    /** Makes this version the active one unless the view name is registered already (first start). */
    public void registerIfAbsent(ViewVersion view) {
        try {
            entries.updateOne(Filters.eq("_id", view.name()),
                    Updates.setOnInsert(ACTIVE_COLLECTION, view.physicalName()),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // Another instance inserted the entry between our match and our insert: registered either way.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "register view " + view);
        }
    }

    /** Points readers of the view at this version's collection: one single-document write, atomic for readers. */
    public void point(ViewVersion view) {
        try {
            entries.updateOne(Filters.eq("_id", view.name()), Updates.set(ACTIVE_COLLECTION, view.physicalName()),
                    new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "point view " + view.name() + " at " + view);
        }
    }

    public Optional<String> activeCollection(String viewName) {
        try {
            return Optional.ofNullable(entries.find(Filters.eq("_id", viewName)).first())
                    .map(entry -> entry.getString(ACTIVE_COLLECTION));
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read the registry entry of " + viewName);
        }
    }
}
