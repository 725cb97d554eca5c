package io.tributary.command.product;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.handling.Aggregates;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.UniqueClaims;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Catalogue commands from HTTP clients; stock commands from the order saga go to the aggregate directly. */
@Component
class ProductCommandHandler {

    static final String SKU_SCOPE = "sku";

    private final Repository<Product> products;
    private final UniqueClaims claims;

    ProductCommandHandler(Repository<Product> products, UniqueClaims claims) {
        this.products = products;
        this.claims = claims;
    }

    @CommandHandler
    AggregateVersion handle(AddProduct command) throws Exception {
        if (!claims.claim(SKU_SCOPE, command.sku(), command.productId())) {
            throw new BusinessRuleViolation("duplicate-sku", "SKU " + command.sku() + " is already in use");
        }
        return AggregateVersion.of(products.newInstance(() -> Product.add(command)));
    }

    @CommandHandler
    AggregateVersion handle(ChangeProductDetails command) {
        return Aggregates.execute(products, command.productId(), command.expectedVersion(),
                product -> product.changeDetails(command.name(), command.description(), command.category()));
    }

    @CommandHandler
    AggregateVersion handle(ChangeProductPrice command) {
        return Aggregates.execute(products, command.productId(), command.expectedVersion(),
                product -> product.changePrice(command.price()));
    }

    @CommandHandler
    AggregateVersion handle(RestockProduct command) {
        return Aggregates.execute(products, command.productId(), command.expectedVersion(),
                product -> product.restock(command.quantity()));
    }

    @CommandHandler
    AggregateVersion handle(DiscontinueProduct command) {
        return Aggregates.execute(products, command.productId(), command.expectedVersion(), Product::discontinue);
    }
}
