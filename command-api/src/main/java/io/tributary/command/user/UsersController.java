package io.tributary.command.user;

import io.tributary.command.http.AggregateVersion;
import io.tributary.command.http.CommandAnswers;
import io.tributary.events.AggregateType;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(UsersController.PATH)
class UsersController {

    static final String PATH = "/api/v1/users";

    private final CommandGateway commands;

    UsersController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AggregateVersion> register(@Valid @RequestBody RegisterUserRequest request) {
        AggregateVersion result = commands.sendAndWait(request.toCommand(UUID.randomUUID().toString()));
        return CommandAnswers.created(AggregateType.USER, PATH, result);
    }
}
