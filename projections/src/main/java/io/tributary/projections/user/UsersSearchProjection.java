package io.tributary.projections.user;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.AggregateType;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserEvent;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.SearchView;
import io.tributary.projections.view.WriteOutcome;

/**
 * The users search index: {@code userId, name, email, registeredAt, version} (mapping in
 * {@code search/users_v1.json}), plus {@code deactivatedAt} once a user is deactivated, so searches can leave
 * them out. Document id = user id, document version = aggregate version.
 */
public class UsersSearchProjection extends AggregateProjection<UserEvent, SearchView> {

    public static final String NAME = "users-search-index";

    public UsersSearchProjection(SearchView view) {
        super(NAME, AggregateType.USER, UserEvent.class, view);
    }

    @Override
    protected WriteOutcome apply(UserEvent user, EventEnvelope event) {
        String id = user.userId();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        return switch (user) {
            case UserRegistered registered -> view.create(id, event, fields
                    .put("userId", id)
                    .put("name", registered.name())
                    .put("email", registered.email())
                    .put("registeredAt", event.time().toString()));
            case UserProfileChanged profile -> view.merge(id, event, fields.put("name", profile.name()));
            case UserEmailChanged emailChange -> view.merge(id, event, fields.put("email", emailChange.email()));
            case UserDeactivated ignored ->
                    view.merge(id, event, fields.put("deactivatedAt", event.time().toString()));
        };
    }
}
