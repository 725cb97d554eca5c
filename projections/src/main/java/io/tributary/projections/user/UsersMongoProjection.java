package io.tributary.projections.user;

import io.tributary.events.AggregateType;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserEvent;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.MongoView;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;

import java.util.Date;

/**
 * The users view in MongoDB, read by id: {@code {_id: userId, userId, name, email, registeredAt, version,
 * position}}, and {@code subject} when the registration named its owner; a profile change adds {@code age} and
 * {@code bio}, a deactivation {@code deactivatedAt}.
 */
public class UsersMongoProjection extends AggregateProjection<UserEvent, MongoView> {

    public static final String NAME = "users-mongo-view";

    public UsersMongoProjection(MongoView view) {
        super(NAME, AggregateType.USER, UserEvent.class, view);
    }

    @Override
    protected WriteOutcome apply(UserEvent user, EventEnvelope event) {
        String id = user.userId();
        return switch (user) {
            case UserRegistered registered -> view.create(id, event, registration(id, registered, event));
            case UserProfileChanged profile -> view.set(id, event, new Document("name", profile.name())
                    .append("age", profile.age())
                    .append("bio", profile.bio()));
            case UserEmailChanged emailChange -> view.set(id, event, new Document("email", emailChange.email()));
            case UserDeactivated ignored -> view.set(id, event, new Document("deactivatedAt", Date.from(event.time())));
        };
    }

    private static Document registration(String id, UserRegistered registered, EventEnvelope event) {
        Document user = new Document("userId", id)
                .append("name", registered.name())
                .append("email", registered.email())
                .append("registeredAt", Date.from(event.time()));
        // The owner the query API checks a customer's reads against; an account registered without a token has none.
        if (registered.subject() != null) {
            user.append("subject", registered.subject());
        }
        return user;
    }
}
