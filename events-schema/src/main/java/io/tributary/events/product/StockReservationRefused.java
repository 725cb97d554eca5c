package io.tributary.events.product;

import org.axonframework.serialization.Revision;

/** An order asked for more than is available, or for a discontinued product; nothing was reserved. */
@Revision("1")
public record StockReservationRefused(String productId, String orderId, int quantity, String reason)
        implements ProductEvent {
}
