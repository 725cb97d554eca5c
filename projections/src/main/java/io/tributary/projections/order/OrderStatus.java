package io.tributary.projections.order;

import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderEvent;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;

/** The {@code status} of an order in the views: each order event sets one. */
enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED;

    static OrderStatus after(OrderEvent event) {
        return switch (event) {
            case OrderPlaced ignored -> PENDING;
            case OrderConfirmed ignored -> CONFIRMED;
            case OrderRejected ignored -> REJECTED;
            case OrderCancelled ignored -> CANCELLED;
            case OrderShipped ignored -> SHIPPED;
        };
    }
}
