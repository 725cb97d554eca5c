package io.tributary.projections.notification;

import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserEvent;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;

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

    WriteOutcome apply(UserEvent event, long aggregateVersion) {
        Document fields = switch (event) {
            case UserRegistered registered -> new Document("name", registered.name()).append("email", registered.email());
            case UserProfileChanged profile -> new Document("name", profile.name());
            case UserEmailChanged emailChange -> new Document("email", emailChange.email());
            case UserDeactivated ignored -> new Document();
        };
        return recipients.setIfNewer(event.userId(), aggregateVersion, fields);
    }

    Optional<Recipient> find(String userId) {
        return recipients.find(userId).map(user -> new Recipient(user.getString("name"), user.getString("email")));
    }
}
