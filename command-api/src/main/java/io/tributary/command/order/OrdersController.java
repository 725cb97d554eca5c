package io.tributary.command.order;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Placing an order answers at once with a PENDING order; the saga confirms or rejects it. Insufficient
 * stock is not an HTTP error but a rejected order, visible in the order's status.
 */
@RestController
// Answers are JSON: a client that accepts none is refused (406) before the command runs, not after.
@RequestMapping(path = OrdersController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class OrdersController {

    static final String PATH = "/api/v1/orders";

    private final CommandGateway commands;

    OrdersController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AggregateVersion> place(@Valid @RequestBody OrderRequests.Place request, Caller caller) {
        AggregateVersion result = commands.sendAndWait(
                request.toCommand(UUID.randomUUID().toString(), Requesters.of(caller)));
        return CommandAnswers.created(AggregateType.ORDER, PATH, result);
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<AggregateVersion> cancel(@PathVariable String id,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                            Caller caller) {
        return CommandAnswers.ok(AggregateType.ORDER,
                commands.sendAndWait(new CancelOrder(id, IfMatch.expectedVersion(ifMatch), Requesters.of(caller))));
    }

    @PostMapping("/{id}/ship")
    ResponseEntity<AggregateVersion> ship(@PathVariable String id,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAnswers.ok(AggregateType.ORDER,
                commands.sendAndWait(new ShipOrder(id, IfMatch.expectedVersion(ifMatch))));
    }
}
