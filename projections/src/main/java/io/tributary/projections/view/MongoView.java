package io.tributary.projections.view;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Projections;
import io.tributary.projections.envelope.EventEnvelope;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * One version of a MongoDB view: a collection of documents keyed by aggregate id, each carrying the aggregate
 * {@code version} and global {@code position} of the last event it reflects. Writes follow the sequence rule
 * (event <i>n</i> onto version <i>n</i> − 1) with single-document writes guarded by the stored version, so
 * redelivered and replayed events change nothing and concurrent writers cannot interleave (no transactions
 * needed). Within {@link #applyAll} the same writes go to a {@link MongoBatch} instead: one read and one write per
 * document for the whole run of events.
 */
public class MongoView extends BatchingView<MongoBatch, Document> {

    static final String VERSION = "version";
    static final String POSITION = "position";

    private final ViewVersion version;
    private final MongoCollection<Document> documents;
    private final List<IndexModel> indexes;
    /** The batch {@link #applyAll} runs on this thread; the projection's writes go there while it is open. */
    private volatile boolean ready;

    /** @param indexes the indices readers query this view through, created before the first write */
    public MongoView(ViewVersion version, MongoDatabase database, List<IndexModel> indexes) {
        this.version = version;
        this.documents = database.getCollection(version.physicalName());
        this.indexes = List.copyOf(indexes);
    }

    @Override
    public ViewVersion version() {
        return version;
    }

    @Override
    public void ensureReady() {
        if (!ready) {
            createIndexes();
            ready = true;
        }
    }

    /** Creating an index that exists with the same keys and options is a no-op, also when racing another instance. */
    private void createIndexes() {
        if (indexes.isEmpty()) {
            return;
        }
        try {
            documents.createIndexes(indexes);
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "create the indices of " + version);
        }
    }

    @Override
    MongoBatch newBatch() {
        return new MongoBatch(version, documents);
    }

    /**
     * Inserts {@code document} plus the event's version and position as the document {@code id}, for the
     * aggregate's first event; if the document exists, the view has the event already.
     */
    public WriteOutcome create(String id, EventEnvelope event, Document document) {
        SequenceRule.requireFirst(event);
        MongoBatch batch = openBatch();
        if (batch != null) {
            return batch.create(id, event, () -> sequenced(new Document(document).append("_id", id), event));
        }
        ensureReady();
        try {
            documents.insertOne(sequenced(new Document(document).append("_id", id), event));
            return WriteOutcome.APPLIED;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return WriteOutcome.ALREADY_APPLIED;
            }
            throw MongoFailures.translate(e, "create " + id + " in " + version);
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "create " + id + " in " + version);
        }
    }

    /** {@link #update} with {@code $set} of {@code fields}. */
    public WriteOutcome set(String id, EventEnvelope event, Document fields) {
        return update(id, event, new Document("$set", fields));
    }

    /**
     * Applies the Mongo update document {@code update} (e.g. {@code $set} and {@code $push}) plus the event's
     * version and position to the document {@code id} if it is at the version before the event.
     *
     * @throws EventGapException if the view holds the document at an older version, or not at all
     */
    public WriteOutcome update(String id, EventEnvelope event, Document update) {
        SequenceRule.requireFollowing(event);
        MongoBatch batch = openBatch();
        if (batch != null) {
            Document sequencedUpdate = withVersionAndPosition(update, event);
            return batch.update(id, event, stored -> MongoUpdates.applied(stored, sequencedUpdate));
        }
        ensureReady();
        Bson atPredecessor = Filters.and(Filters.eq("_id", id), Filters.eq(VERSION, event.aggregateVersion() - 1));
        Document sequencedUpdate = withVersionAndPosition(update, event);
        try {
            while (true) {
                if (documents.updateOne(atPredecessor, sequencedUpdate).getMatchedCount() > 0) {
                    return WriteOutcome.APPLIED;
                }
                long stored = storedVersion(id);
                // Stored at the predecessor now means a concurrent writer applied it after our update missed it:
                // try again. Versions only grow, so this ends.
                if (!SequenceRule.follows(event, stored)) {
                    return SequenceRule.notFollowing(version, id, event, stored);
                }
            }
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "update " + id + " in " + version);
        }
    }

    private long storedVersion(String id) {
        Document stored = documents.find(Filters.eq("_id", id)).projection(Projections.include(VERSION)).first();
        return stored == null ? 0 : stored.get(VERSION, Number.class).longValue();
    }

    private static Document sequenced(Document document, EventEnvelope event) {
        return document.append(VERSION, event.aggregateVersion()).append(POSITION, event.position());
    }

    private static Document withVersionAndPosition(Document update, EventEnvelope event) {
        Document set = new Document(update.get("$set", new Document()))
                .append(VERSION, event.aggregateVersion())
                .append(POSITION, event.position());
        return new Document(update).append("$set", set);
    }
}
