package io.tributary.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;
import io.tributary.events.order.OrderStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order: PENDING until the saga reserved its stock, then CONFIRMED or REJECTED; CONFIRMED or PENDING
 * orders can be CANCELLED; CONFIRMED orders can be SHIPPED. Repeating a transition the order already made
 * is a no-op, so retried commands are harmless.
 */
@Aggregate(repository = "orderRepository")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Order {

    @AggregateIdentifier
    private String orderId;
    private String userId;
    private OrderStatus status;

    protected Order() {
        // for event sourcing
    }

    static Order place(String orderId, String userId, List<OrderLine> lines) {
        Money total = lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        Order order = new Order();
        apply(new OrderPlaced(orderId, userId, lines, total));
        return order;
    }

    void cancel() {
        switch (status) {
            case PENDING, CONFIRMED -> apply(new OrderCancelled(orderId));
            case CANCELLED -> { }
            case SHIPPED -> throw new BusinessRuleViolation("order-shipped", "a shipped order cannot be cancelled");
            case REJECTED -> throw new BusinessRuleViolation("order-rejected", "a rejected order cannot be cancelled");
        }
    }

    void ship() {
        switch (status) {
            case CONFIRMED -> apply(new OrderShipped(orderId));
            case SHIPPED -> { }
            default -> throw new BusinessRuleViolation("order-not-confirmed",
                    "only a confirmed order can be shipped; this one is " + status);
        }
    }

    /** The user the order was placed for; its owner owns the order. */
    String userId() {
        return userId;
    }

    @CommandHandler
    void handle(ConfirmOrder command) {
        if (status == OrderStatus.PENDING) {
            apply(new OrderConfirmed(orderId));
        }
    }

    @CommandHandler
    void handle(RejectOrder command) {
        if (status == OrderStatus.PENDING) {
            apply(new OrderRejected(orderId, command.reason()));
        }
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        userId = event.userId();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderRejected event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        status = OrderStatus.SHIPPED;
    }
}
