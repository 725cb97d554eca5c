package io.tributary.command.user;

import io.tributary.events.user.UserRegistered;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A user account. State is rebuilt from its events; commands reach it through {@link UserCommandHandler}. */
@Aggregate
public class User {

    @AggregateIdentifier
    private String userId;

    protected User() {
        // for event sourcing
    }

    static User register(RegisterUser command) {
        User user = new User();
        apply(new UserRegistered(command.userId(), command.name(), command.email()));
        return user;
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        this.userId = event.userId();
    }
}
