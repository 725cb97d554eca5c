package io.tributary.events.order;

import io.tributary.events.money.Money;

/** One product of an order, at the unit price it had when the order was placed. */
public record OrderLine(String productId, int quantity, Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
