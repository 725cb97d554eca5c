package io.tributary.query.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.events.AggregateType;
import io.tributary.query.view.DocumentView;
import io.tributary.query.view.Versioned;
import org.bson.Document;

import java.time.Instant;

import static io.tributary.query.view.DocumentFields.instant;
import static io.tributary.query.view.DocumentFields.versionOf;

/**
 * A user as read clients see it. Optional fields are left out when not set.
 *
 * @param subject the identity provider's subject that owns the user (the token that registered it); absent for a
 *                user registered without a token, and in search results
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(String id, String name, String email, Integer age, String bio, String subject,
                       Instant registeredAt, Instant deactivatedAt, long version) implements Versioned {

    /** The {@code users} view in MongoDB. */
    static final DocumentView<UserView> VIEW = new DocumentView<>("users", AggregateType.USER, UserView::from);

    private static UserView from(Document document) {
        return new UserView(document.getString("_id"), document.getString("name"), document.getString("email"),
                document.getInteger("age"), document.getString("bio"), document.getString("subject"),
                instant(document, "registeredAt"),
                instant(document, "deactivatedAt"), versionOf(document));
    }
}
