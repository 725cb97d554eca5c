package io.tributary.command.product;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the order saga. Each is idempotent per order, so a retried command has no second effect. */
public final class StockCommands {

    private StockCommands() {
    }

    public record ReserveStock(@TargetAggregateIdentifier String productId, String orderId, int quantity) {
    }

    public record ReleaseStock(@TargetAggregateIdentifier String productId, String orderId) {
    }

    public record ShipStock(@TargetAggregateIdentifier String productId, String orderId) {
    }
}
