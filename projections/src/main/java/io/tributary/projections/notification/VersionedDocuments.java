package io.tributary.projections.notification;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import io.tributary.projections.view.MongoFailures;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Optional;

/**
 * What the notifications keep about an aggregate: one document per aggregate id with the {@code version} of the
 * last event it reflects. A write that is not newer changes nothing, so redelivery and replay are harmless. Only the
 * latest state matters here (the current address of a user), so a newer event is taken even after a gap.
 */
final class VersionedDocuments {

    private static final String VERSION = "version";

    private final MongoCollection<Document> documents;

    VersionedDocuments(MongoCollection<Document> documents) {
        this.documents = documents;
    }

    WriteOutcome setIfNewer(String id, long version, Document fields) {
        Bson olderThanEvent = Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version));
        Document update = new Document("$set", new Document(fields).append(VERSION, version));
        try {
            try {
                return outcome(documents.updateOne(olderThanEvent, update, new UpdateOptions().upsert(true)));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // The document exists at this version or newer, or a concurrent writer just created it at an older
                // one: the guarded update without upsert settles both.
                return outcome(documents.updateOne(olderThanEvent, update));
            }
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "write " + id + " in " + documents.getNamespace());
        }
    }

    Optional<Document> find(String id) {
        try {
            return Optional.ofNullable(documents.find(Filters.eq("_id", id)).first());
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read " + id + " in " + documents.getNamespace());
        }
    }

    private static WriteOutcome outcome(UpdateResult result) {
        return result.getMatchedCount() > 0 || result.getUpsertedId() != null
                ? WriteOutcome.APPLIED
                : WriteOutcome.ALREADY_APPLIED;
    }
}
