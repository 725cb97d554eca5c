package io.tributary.projections.notification;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.MongoFailures;
import io.tributary.projections.view.ViewStoreUnavailableException;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every notification, {@code notification_log}: {@code {_id: ce_id, kind, eventType, to, messageId, state, attempts,
 * attemptedAt, sentAt}}. An entry is written in state {@value #SENDING} before its mail is handed to the SMTP server
 * (the intent) and set to {@value #SENT} once the server accepted it (the outcome). The CloudEvent id is the same on
 * every delivery and replay of an event, and {@code _id} is unique, so a {@value #SENT} entry means "already sent"
 * whoever sent it; a {@value #SENDING} entry means an attempt began whose acceptance is not recorded.
 * <p>
 * Every write has a bare {@code _id} filter. Any failure to write is waited out like a store outage, whatever the
 * store answered: no mail goes out while the log cannot record it, and a failure of the log says nothing about the
 * event.
 */
class NotificationLog {

    static final String COLLECTION = "notification_log";
    static final String SENDING = "sending";
    static final String SENT = "sent";

    private static final String STATE = "state";

    private final MongoCollection<Document> entries;

    NotificationLog(MongoCollection<Document> entries) {
        this.entries = entries;
    }

    /** Those of {@code eventIds} whose mail the SMTP server accepted, as recorded; entries still sending are not. */
    Set<String> sentAmong(Collection<String> eventIds) {
        Set<String> sent = new HashSet<>();
        if (eventIds.isEmpty()) {
            return sent;
        }
        try {
            // Entries written before the log had states have no state: each of those is a sent mail.
            entries.find(Filters.in("_id", eventIds)).projection(Projections.include("_id", STATE))
                    .forEach(entry -> {
                        if (!SENDING.equals(entry.getString(STATE))) {
                            sent.add(entry.getString("_id"));
                        }
                    });
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read " + eventIds.size() + " entries of " + COLLECTION);
        }
        return sent;
    }

    /** What the log says about a mail, without its state. */
    static Document entry(EventEnvelope event, NotificationKind kind, Recipient to, String messageId) {
        return new Document("_id", event.id())
                .append("kind", kind.label())
                .append("eventType", event.type())
                .append("to", to.email())
                .append("messageId", messageId);
    }

    /**
     * Records that the mails of {@code intents} are about to be sent, in one ordered write with the acceptance of the
     * mails {@code accepted} before them; returns once all are written.
     */
    void recordIntents(List<Document> intents, List<Document> accepted) {
        List<WriteModel<Document>> writes = acceptances(accepted);
        Date attemptedAt = now();
        for (Document intent : intents) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", intent.get("_id")),
                    new Document("$set", fields(intent).append(STATE, SENDING).append("attemptedAt", attemptedAt))
                            .append("$inc", new Document("attempts", 1)),
                    new UpdateOptions().upsert(true)));
        }
        write(writes, "record the intent to send " + (intents.size() == 1 ? intents.getFirst().get("_id")
                : intents.size() + " mails, the first " + intents.getFirst().get("_id")));
    }

    /** Records that the SMTP server accepted the mails {@code accepted}. */
    void recordAccepted(List<Document> accepted) {
        if (!accepted.isEmpty()) {
            write(acceptances(accepted), "record " + accepted.size() + " sent mails");
        }
    }

    private static List<WriteModel<Document>> acceptances(List<Document> accepted) {
        List<WriteModel<Document>> writes = new ArrayList<>(accepted.size());
        Date sentAt = now();
        for (Document entry : accepted) {
            // Upserted: the whole entry, should its intent have been lost with the store's data.
            writes.add(new UpdateOneModel<>(Filters.eq("_id", entry.get("_id")),
                    new Document("$set", fields(entry).append(STATE, SENT).append("sentAt", sentAt)),
                    new UpdateOptions().upsert(true)));
        }
        return writes;
    }

    private void write(List<WriteModel<Document>> writes, String action) {
        try {
            entries.bulkWrite(writes);
        } catch (MongoException e) {
            throw new ViewStoreUnavailableException(COLLECTION + " cannot be written, so no mail is sent: could not "
                    + action + ": " + e.getMessage(), e);
        }
    }

    private static Document fields(Document entry) {
        Document fields = new Document(entry);
        fields.remove("_id");
        return fields;
    }

    private static Date now() {
        return Date.from(Instant.now());
    }
}
