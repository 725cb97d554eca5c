package io.tributary.projections.order;

import io.tributary.events.money.Money;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.projections.envelope.UnreadableEventException;

/**
 * The write side prices every order in one currency and totals its lines; a placed order that does not add up
 * is refused, so that no view shows a total its lines contradict.
 */
final class OrderTotals {

    private OrderTotals() {
    }

    static OrderPlaced requireConsistent(OrderPlaced placed) {
        if (placed.lines().isEmpty()) {
            throw new UnreadableEventException("order " + placed.orderId() + " has no lines");
        }
        Money sum;
        try {
            sum = placed.lines().stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        } catch (IllegalArgumentException mixedCurrencies) {
            throw new UnreadableEventException("order " + placed.orderId() + " mixes currencies", mixedCurrencies);
        }
        if (!sum.equals(placed.total())) {
            throw new UnreadableEventException("order " + placed.orderId() + " totals " + placed.total().amount() + " "
                    + placed.total().currency() + ", its lines " + sum.amount() + " " + sum.currency());
        }
        return placed;
    }
}
