package io.tributary.command.user;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.http.CommandAnswers;
import io.tributary.command.http.IfMatch;
import io.tributary.command.http.Requesters;
import io.tributary.events.AggregateType;
import io.tributary.http.security.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
// Answers are JSON: a client that accepts none is refused (406) before the command runs, not after.
@RequestMapping(path = UsersController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class UsersController {

    static final String PATH = "/api/v1/users";

    private final CommandGateway commands;

    UsersController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AggregateVersion> register(@Valid @RequestBody UserRequests.Register request, Caller caller) {
        AggregateVersion result = commands.sendAndWait(new RegisterUser(UUID.randomUUID().toString(), request.name(),
                request.email().strip(), Requesters.of(caller)));
        return CommandAnswers.created(AggregateType.USER, PATH, result);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ResponseEntity<AggregateVersion> changeProfile(@PathVariable String id,
                                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                   @Valid @RequestBody UserRequests.ChangeProfile request,
                                                   Caller caller) {
        return answer(request.toCommand(id, IfMatch.expectedVersion(ifMatch), Requesters.of(caller)));
    }

    @PostMapping(path = "/{id}/email", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AggregateVersion> changeEmail(@PathVariable String id,
                                                 @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody UserRequests.ChangeEmail request,
                                                 Caller caller) {
        return answer(new ChangeUserEmail(id, request.email().strip(), IfMatch.expectedVersion(ifMatch),
                Requesters.of(caller)));
    }

    @PostMapping("/{id}/deactivate")
    ResponseEntity<AggregateVersion> deactivate(@PathVariable String id,
                                                @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                Caller caller) {
        return answer(new DeactivateUser(id, IfMatch.expectedVersion(ifMatch), Requesters.of(caller)));
    }

    private ResponseEntity<AggregateVersion> answer(Object command) {
        return CommandAnswers.ok(AggregateType.USER, commands.sendAndWait(command));
    }
}
