package io.tributary.events.product;

import io.tributary.events.DomainEvent;

public sealed interface ProductEvent extends DomainEvent
        permits ProductAdded, ProductDetailsChanged, ProductPriceChanged, ProductRestocked, ProductDiscontinued,
        StockReserved, StockReservationRefused, StockReleased, StockShipped {

    String productId();

    @Override
    default String aggregateId() {
        return productId();
    }
}
