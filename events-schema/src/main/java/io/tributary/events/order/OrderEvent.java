package io.tributary.events.order;

import io.tributary.events.DomainEvent;

public sealed interface OrderEvent extends DomainEvent
        permits OrderPlaced, OrderConfirmed, OrderRejected, OrderCancelled, OrderShipped {

    String orderId();

    @Override
    default String aggregateId() {
        return orderId();
    }
}
