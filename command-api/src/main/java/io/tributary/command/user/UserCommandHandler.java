package io.tributary.command.user;

import io.tributary.command.http.AggregateVersion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Handles user commands through the repository rather than on the aggregate itself, so that every
 * command can answer with the version it produced.
 */
@Component
class UserCommandHandler {

    private final Repository<User> users;

    UserCommandHandler(Repository<User> users) {
        this.users = users;
    }

    @CommandHandler
    AggregateVersion handle(RegisterUser command) throws Exception {
        return AggregateVersion.of(users.newInstance(() -> User.register(command)));
    }
}
