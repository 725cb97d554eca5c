package io.tributary.projections.notification;

import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserEvent;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;

import java.util.Collection;
import java.util.Optional;

/**
 * The notifications' own record of who to write to, {@code notification_recipients}:
 * {@code {_id: userId, name, email, version}}. Kept apart from the users view, which belongs to another projection
 * and may be rebuilt or lag behind independently.
 */
class RecipientDirectory {

    static final String COLLECTION = "notification_recipients";

    private final VersionedDocuments recipients;

    RecipientDirectory(VersionedDocuments recipients) {
        this.recipients = recipients;
    }

    /** Starts recording the events of a batch that concerns the users {@code userIds}. */
    Writes writes(Collection<String> userIds) {
        return new Writes(recipients.batch(userIds));
    }

    Optional<Recipient> find(String userId) {
        return recipients.find(userId).map(user -> new Recipient(user.getString("name"), user.getString("email")));
    }

    /** A batch's changes to the directory, written by {@link #flush()}. */
    static final class Writes {

        private final VersionedDocuments.Batch batch;

        private Writes(VersionedDocuments.Batch batch) {
            this.batch = batch;
        }

        WriteOutcome apply(UserEvent event, long aggregateVersion) {
            return batch.setIfNewer(event.userId(), aggregateVersion, fields(event));
        }

        void flush() {
            batch.flush();
        }
    }

    private static Document fields(UserEvent event) {
        return switch (event) {
            case UserRegistered registered -> new Document("name", registered.name()).append("email", registered.email());
            case UserProfileChanged profile -> new Document("name", profile.name());
            case UserEmailChanged emailChange -> new Document("email", emailChange.email());
            case UserDeactivated ignored -> new Document();
        };
    }
}
