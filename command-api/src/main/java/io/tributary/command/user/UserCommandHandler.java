package io.tributary.command.user;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.handling.Aggregates;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.UniqueClaims;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Handles user commands through the repository rather than on the aggregate itself, so that every
 * command can answer with the version it produced and the e-mail claim runs in the same transaction.
 */
@Component
class UserCommandHandler {

    static final String EMAIL_SCOPE = "email";

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
        claimEmail(command.email(), command.userId());
        return AggregateVersion.of(users.newInstance(() -> User.register(command)));
    }

    @CommandHandler
    AggregateVersion handle(ChangeUserProfile command) {
        return Aggregates.execute(users, command.userId(), command.expectedVersion(), user -> {
            User.Profile current = user.profile();
            user.changeProfile(new User.Profile(
                    command.name() != null ? command.name() : current.name(),
                    command.age() != null ? command.age().orElse(null) : current.age(),
                    command.bio() != null ? command.bio().map(sanitizer::sanitize).orElse(null) : current.bio()));
        });
    }

    @CommandHandler
    AggregateVersion handle(ChangeUserEmail command) {
        return Aggregates.execute(users, command.userId(), command.expectedVersion(), user -> {
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
        return Aggregates.execute(users, command.userId(), command.expectedVersion(), User::deactivate);
    }

    private void claimEmail(String email, String userId) {
        if (!claims.claim(EMAIL_SCOPE, email, userId)) {
            throw new BusinessRuleViolation("duplicate-email", "the e-mail address is already in use");
        }
    }
}
