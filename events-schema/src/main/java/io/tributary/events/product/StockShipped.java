package io.tributary.events.product;

import org.axonframework.serialization.Revision;

/** Reserved units left the warehouse with their order. */
@Revision("1")
public record StockShipped(String productId, String orderId, int quantity, int reserved) implements ProductEvent {
}
