package io.tributary.events.order;

import io.tributary.events.money.Money;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The order is PENDING until every line's stock is reserved. */
@Revision("1")
public record OrderPlaced(String orderId, String userId, List<OrderLine> lines, Money total) implements OrderEvent {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}
