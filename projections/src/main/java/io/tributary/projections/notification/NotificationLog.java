package io.tributary.projections.notification;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.MongoFailures;
import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every notification sent, {@code notification_log}: {@code {_id: ce_id, kind, eventType, to, messageId, sentAt}}.
 * The CloudEvent id is the same on every delivery and replay of an event, and {@code _id} is unique, so an entry
 * means "already sent" whoever sent it. Read and written a batch at a time.
 */
class NotificationLog {

    static final String COLLECTION = "notification_log";

    private final MongoCollection<Document> entries;

    NotificationLog(MongoCollection<Document> entries) {
        this.entries = entries;
    }

    /** Those of {@code eventIds} whose notification has been sent. */
    Set<String> sentAmong(Collection<String> eventIds) {
        Set<String> sent = new HashSet<>();
        if (eventIds.isEmpty()) {
            return sent;
        }
        try {
            entries.find(Filters.in("_id", eventIds)).projection(Projections.include("_id"))
                    .forEach(entry -> sent.add(entry.getString("_id")));
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read " + eventIds.size() + " entries of " + COLLECTION);
        }
        return sent;
    }

    static Document entry(EventEnvelope event, NotificationKind kind, Recipient to, String messageId) {
        return new Document("_id", event.id())
                .append("kind", kind.label())
                .append("eventType", event.type())
                .append("to", to.email())
                .append("messageId", messageId)
                .append("sentAt", Date.from(Instant.now()));
    }

    void record(List<Document> sent) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            entries.insertMany(sent, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Another instance sent some of the same events concurrently (a rebalance mid-send) and recorded them
            // first; unordered, the other entries are written all the same.
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw MongoFailures.translate(e, "record " + sent.size() + " entries in " + COLLECTION);
                }
            }
            if (e.getWriteConcernError() != null) {
                throw MongoFailures.translate(e, "record " + sent.size() + " entries in " + COLLECTION);
            }
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "record " + sent.size() + " entries in " + COLLECTION);
        }
    }
}
