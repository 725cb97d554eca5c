package io.tributary.command.product;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.http.CommandAnswers;
import io.tributary.command.http.IfMatch;
import io.tributary.command.http.MoneyRequest;
import io.tributary.events.AggregateType;
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
@RequestMapping(path = ProductsController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class ProductsController {

    static final String PATH = "/api/v1/products";

    private final CommandGateway commands;

    ProductsController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AggregateVersion> add(@Valid @RequestBody ProductRequests.Add request) {
        AggregateVersion result = commands.sendAndWait(new AddProduct(UUID.randomUUID().toString(),
                request.sku().strip(), request.name().strip(), request.description(), request.category().strip(),
                request.price().toMoney("price"), request.initialStock()));
        return CommandAnswers.created(AggregateType.PRODUCT, PATH, result);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ResponseEntity<AggregateVersion> changeDetails(@PathVariable String id,
                                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                   @Valid @RequestBody ProductRequests.ChangeDetails request) {
        return answer(new ChangeProductDetails(id, request.name(), request.description(), request.category(),
                IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{id}/price", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AggregateVersion> changePrice(@PathVariable String id,
                                                 @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody MoneyRequest request) {
        return answer(new ChangeProductPrice(id, request.toMoney("price"), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{id}/restock", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AggregateVersion> restock(@PathVariable String id,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody ProductRequests.Restock request) {
        return answer(new RestockProduct(id, request.quantity(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/discontinue")
    ResponseEntity<AggregateVersion> discontinue(@PathVariable String id,
                                                 @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return answer(new DiscontinueProduct(id, IfMatch.expectedVersion(ifMatch)));
    }

    private ResponseEntity<AggregateVersion> answer(Object command) {
        return CommandAnswers.ok(AggregateType.PRODUCT, commands.sendAndWait(command));
    }
}
