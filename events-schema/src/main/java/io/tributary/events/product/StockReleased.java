package io.tributary.events.product;

import org.axonframework.serialization.Revision;

/** A reservation was given back (order rejected or cancelled). */
@Revision("1")
public record StockReleased(String productId, String orderId, int quantity, int available, int reserved)
        implements ProductEvent {
}
