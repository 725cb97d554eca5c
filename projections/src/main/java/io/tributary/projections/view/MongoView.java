package io.tributary.projections.view;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import io.tributary.projections.envelope.EventEnvelope;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One version of a MongoDB view: a collection of documents keyed by aggregate id, each carrying the aggregate
 * {@code version} and global {@code position} of the last event it reflects. Every write is a single-document,
 * version-guarded update, so redelivered and replayed events change nothing (no transactions needed).
 */
public class MongoView implements View {

    static final String VERSION = "version";
    static final String POSITION = "position";

    private final ViewVersion version;
    private final MongoCollection<Document> documents;
    private final ViewRegistry registry;
    private volatile boolean ready;

    public MongoView(ViewVersion version, MongoDatabase database, ViewRegistry registry) {
        this.version = version;
        this.documents = database.getCollection(version.physicalName());
        this.registry = registry;
    }

    @Override
    public ViewVersion version() {
        return version;
    }

    @Override
    public void ensureReady() {
        if (!ready) {
            registry.registerIfAbsent(version);
            ready = true;
        }
    }

    /**
     * Sets {@code fields} plus the event's version and position on the document {@code id}, unless it already
     * reflects this or a newer version of the aggregate. Creates the document if it does not exist.
     */
    public WriteOutcome applyIfNewer(String id, EventEnvelope event, Document fields) {
        ensureReady();
        Bson olderThanEvent = Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, event.aggregateVersion()));
        Document update = new Document("$set", new Document(fields)
                .append(VERSION, event.aggregateVersion())
                .append(POSITION, event.position()));
        try {
            return outcome(documents.updateOne(olderThanEvent, update, new UpdateOptions().upsert(true)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // The upsert found no older document yet its insert collided: the document exists, either at this
            // version or newer (nothing to do), or just created at an older one by a concurrent writer, which
            // the guarded update without upsert settles.
            return retryWithoutUpsert(olderThanEvent, update, id);
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "write " + id + " in " + version);
        }
    }

    private WriteOutcome retryWithoutUpsert(Bson filter, Document update, String id) {
        try {
            return outcome(documents.updateOne(filter, update));
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "write " + id + " in " + version);
        }
    }

    private static WriteOutcome outcome(UpdateResult result) {
        return result.getMatchedCount() > 0 || result.getUpsertedId() != null
                ? WriteOutcome.APPLIED
                : WriteOutcome.ALREADY_APPLIED;
    }
}
