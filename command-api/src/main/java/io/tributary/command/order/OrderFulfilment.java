package io.tributary.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.command.product.StockCommands.ReleaseStock;
import io.tributary.command.product.StockCommands.ReserveStock;
import io.tributary.command.product.StockCommands.ShipStock;
import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;
import io.tributary.events.product.StockReservationRefused;
import io.tributary.events.product.StockReserved;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reserves the stock of every line of a placed order, then confirms the order, or releases whatever was
 * reserved and rejects it. Stays with a confirmed order until it is shipped (reserved units leave) or
 * cancelled (reserved units return). Stock commands are idempotent per order, so a redelivered event that
 * re-sends a command has no second effect.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class OrderFulfilment {

    private static final String ORDER_ID = "orderId";

    @Autowired
    private transient CommandGateway commands;

    private String orderId;
    /** Product id to quantity still waiting for an answer. */
    private Map<String, Integer> awaiting = new LinkedHashMap<>();
    /** Product id to quantity reserved for this order. */
    private Map<String, Integer> reserved = new LinkedHashMap<>();
    private String refusal;
    private boolean cancelled;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlaced event) {
        orderId = event.orderId();
        for (OrderLine line : event.lines()) {
            awaiting.merge(line.productId(), line.quantity(), Integer::sum);
        }
        inLockOrder(awaiting.keySet()).forEach(productId ->
                commands.sendAndWait(new ReserveStock(productId, orderId, awaiting.get(productId))));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReserved event) {
        awaiting.remove(event.productId());
        reserved.put(event.productId(), event.quantity());
        decideWhenAllAnswered();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRefused event) {
        awaiting.remove(event.productId());
        if (refusal == null) {
            refusal = event.reason();
        }
        decideWhenAllAnswered();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelled event) {
        cancelled = true;
        decideWhenAllAnswered();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRejected event) {
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderShipped event) {
        inLockOrder(reserved.keySet()).forEach(productId -> commands.sendAndWait(new ShipStock(productId, orderId)));
        SagaLifecycle.end();
    }

    private void decideWhenAllAnswered() {
        if (!awaiting.isEmpty()) {
            return;
        }
        if (cancelled) {
            releaseReserved();
            SagaLifecycle.end();
        } else if (refusal != null) {
            releaseReserved();
            commands.sendAndWait(new RejectOrder(orderId, refusal));
        } else {
            commands.sendAndWait(new ConfirmOrder(orderId));
        }
    }

    private void releaseReserved() {
        inLockOrder(reserved.keySet()).forEach(productId -> commands.sendAndWait(new ReleaseStock(productId, orderId)));
        reserved.clear();
    }

    /**
     * Products in the order every command locks them: each stock command's lock is held until this event's handling
     * ends, and another order's handling, or a placement (which prices its lines in the same order), locking two of
     * the same products the other way round deadlocked both.
     */
    private static SortedSet<String> inLockOrder(Set<String> productIds) {
        return new TreeSet<>(productIds);
    }
}
