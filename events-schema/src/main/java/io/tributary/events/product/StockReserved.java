package io.tributary.events.product;

import org.axonframework.serialization.Revision;

/** Units set aside for an order; {@code available} and {@code reserved} are the stock levels afterwards. */
@Revision("1")
public record StockReserved(String productId, String orderId, int quantity, int available, int reserved)
        implements ProductEvent {
}
