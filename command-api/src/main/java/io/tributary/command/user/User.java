package io.tributary.command.user;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user account, owned by the subject of the token that registered it (if any). Commands reach it through
 * {@link UserCommandHandler}; the rules that span users (one account per e-mail address, one per subject) are
 * enforced there with claims, and so is who may change an account.
 */
@Aggregate(repository = "userRepository")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class User {

    @AggregateIdentifier
    private String userId;
    private String name;
    private Integer age;
    private String bio;
    private String email;
    private boolean active;
    private String subject;

    protected User() {
        // for event sourcing
    }

    static User register(RegisterUser command) {
        User user = new User();
        apply(new UserRegistered(command.userId(), command.name(), command.email(), command.requester().subject()));
        return user;
    }

    void changeProfile(Profile profile) {
        requireActive();
        if (!profile.equals(profile())) {
            apply(new UserProfileChanged(userId, profile.name(), profile.age(), profile.bio()));
        }
    }

    void changeEmail(String newEmail) {
        requireActive();
        if (!newEmail.equals(email)) {
            apply(new UserEmailChanged(userId, newEmail));
        }
    }

    void deactivate() {
        if (active) {
            apply(new UserDeactivated(userId));
        }
    }

    Profile profile() {
        return new Profile(name, age, bio);
    }

    String email() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    /** The subject of the token that registered the account, its owner; null when it was registered without one. */
    public String subject() {
        return subject;
    }

    private void requireActive() {
        if (!active) {
            throw new BusinessRuleViolation("user-deactivated", "user " + userId + " is deactivated");
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        name = event.name();
        email = event.email();
        subject = event.subject();
        active = true;
    }

    @EventSourcingHandler
    void on(UserProfileChanged event) {
        name = event.name();
        age = event.age();
        bio = event.bio();
    }

    @EventSourcingHandler
    void on(UserEmailChanged event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }

    /** The editable profile; age and bio are optional. */
    record Profile(String name, Integer age, String bio) {
        Profile {
            Objects.requireNonNull(name, "name");
        }
    }
}
