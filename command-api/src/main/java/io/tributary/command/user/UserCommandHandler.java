package io.tributary.command.user;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.handling.Aggregates;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.Requester;
import io.tributary.command.handling.UniqueClaims;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Handles user commands through the repository rather than on the aggregate itself, so that every command can
 * answer with the version it produced and the claims run in the same transaction. An account is changed only by
 * its owner or an admin; to anyone else it answers as an unknown id does, so that ids cannot be probed.
 */
@Component
class UserCommandHandler {

    static final String EMAIL_SCOPE = "email";
    /**
     * One account per token subject. Compared case-insensitively like every claim: of two subjects that differ only
     * in case (Keycloak's are lower-case UUIDs) the second cannot register, and neither reaches the other's account,
     * whose owner is compared exactly.
     */
    static final String SUBJECT_SCOPE = "subject";

    private final Repository<User> users;
    private final UniqueClaims claims;
    private final BioSanitizer sanitizer;

    UserCommandHandler(Repository<User> users, UniqueClaims claims, BioSanitizer sanitizer) {
        this.users = users;
        this.claims = claims;
        this.sanitizer = sanitizer;
    }

    @CommandHandler
    AggregateVersion handle(RegisterUser command) throws Exception {
        String subject = command.requester().subject();
        if (subject != null && !claims.claim(SUBJECT_SCOPE, subject, command.userId())) {
            throw new BusinessRuleViolation("subject-already-registered",
                    "an account is already registered for this token's subject");
        }
        claimEmail(command.email(), command.userId());
        return AggregateVersion.of(users.newInstance(() -> User.register(command)));
    }

    @CommandHandler
    AggregateVersion handle(ChangeUserProfile command) {
        return change(command.userId(), command.expectedVersion(), command.requester(), user -> {
            User.Profile current = user.profile();
            user.changeProfile(new User.Profile(
                    command.name() != null ? command.name() : current.name(),
                    command.age() != null ? command.age().orElse(null) : current.age(),
                    command.bio() != null ? command.bio().map(sanitizer::sanitize).orElse(null) : current.bio()));
        });
    }

    @CommandHandler
    AggregateVersion handle(ChangeUserEmail command) {
        return change(command.userId(), command.expectedVersion(), command.requester(), user -> {
            String previous = user.email();
            if (!previous.equalsIgnoreCase(command.email())) {
                claimEmail(command.email(), command.userId());
                claims.release(EMAIL_SCOPE, previous, command.userId());
            }
            user.changeEmail(command.email());
        });
    }

    @CommandHandler
    AggregateVersion handle(DeactivateUser command) {
        return change(command.userId(), command.expectedVersion(), command.requester(), User::deactivate);
    }

    private AggregateVersion change(String userId, Long expectedVersion, Requester requester, Consumer<User> change) {
        return Aggregates.execute(users, userId, expectedVersion, user -> requester.mayActFor(user.subject()), change);
    }

    private void claimEmail(String email, String userId) {
        if (!claims.claim(EMAIL_SCOPE, email, userId)) {
            throw new BusinessRuleViolation("duplicate-email", "the e-mail address is already in use");
        }
    }
}
