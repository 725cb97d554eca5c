package io.tributary.events.order;

/**
 * Where an order stands: every order event leaves it in one of these. The write side decides commands by it, the
 * views store it, and readers filter by it, all under these names.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED;

    /** The status {@code event} leaves an order in. */
    public static OrderStatus after(OrderEvent event) {
        return switch (event) {
            case OrderPlaced ignored -> PENDING;
            case OrderConfirmed ignored -> CONFIRMED;
            case OrderRejected ignored -> REJECTED;
            case OrderCancelled ignored -> CANCELLED;
            case OrderShipped ignored -> SHIPPED;
        };
    }
}
