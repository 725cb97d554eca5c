package io.tributary.projections.notification;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.MongoFailures;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * Every notification sent, {@code notification_log}: {@code {_id: ce_id, kind, eventType, to, messageId, sentAt}}.
 * The CloudEvent id is the same on every delivery and replay of an event, and {@code _id} is unique, so an entry
 * means "already sent" whoever sent it.
 */
class NotificationLog {

    static final String COLLECTION = "notification_log";

    private final MongoCollection<Document> entries;

    NotificationLog(MongoCollection<Document> entries) {
        this.entries = entries;
    }

    boolean contains(String eventId) {
        try {
            return entries.find(Filters.eq("_id", eventId)).first() != null;
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read " + eventId + " in " + COLLECTION);
        }
    }

    void recordSent(EventEnvelope event, NotificationKind kind, Recipient to, String messageId) {
        Document entry = new Document("_id", event.id())
                .append("kind", kind.label())
                .append("eventType", event.type())
                .append("to", to.email())
                .append("messageId", messageId)
                .append("sentAt", Date.from(Instant.now()));
        try {
            entries.insertOne(entry);
        } catch (MongoWriteException e) {
            // Another instance sent the same event concurrently (a rebalance mid-send) and recorded it first.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "record " + event.id() + " in " + COLLECTION);
        }
    }
}
