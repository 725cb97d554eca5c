package io.tributary.projections.notification;

import io.tributary.events.money.Money;
import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderEvent;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order side of the notifications: remembers who placed an order and for how much, then tells them when it is
 * confirmed or rejected. Cancelling and shipping send nothing.
 */
class OrderNotifications extends NotificationProjection<OrderEvent> {

    private final PlacedOrders orders;
    private final RecipientDirectory recipients;
    private final Notifier notifier;

    OrderNotifications(PlacedOrders orders, RecipientDirectory recipients, Notifier notifier) {
        super(OrderEvent.class);
        this.orders = orders;
        this.recipients = recipients;
        this.notifier = notifier;
    }

    @Override
    NotificationBatch begin(List<EventEnvelope> events) {
        PlacedOrders.Batch placements = orders.batch(events.stream()
                .filter(event -> event.data() instanceof OrderPlaced).map(EventEnvelope::subject).distinct().toList());
        Notifier.Batch mail = notifier.batch(events.stream()
                .filter(event -> event.data() instanceof OrderConfirmed || event.data() instanceof OrderRejected)
                .map(EventEnvelope::id).toList());
        return new NotificationBatch() {
            @Override
            public WriteOutcome apply(EventEnvelope event) {
                return switch (data(event)) {
                    case OrderPlaced placed -> placements.record(placed, event.aggregateVersion());
                    case OrderConfirmed confirmed -> notifyCustomer(placements, mail, event,
                            NotificationKind.ORDER_CONFIRMED, confirmed.orderId(), Map.of());
                    case OrderRejected rejected -> notifyCustomer(placements, mail, event,
                            NotificationKind.ORDER_REJECTED, rejected.orderId(), Map.of("reason", rejected.reason()));
                    case OrderCancelled ignored -> WriteOutcome.APPLIED;
                    case OrderShipped ignored -> WriteOutcome.APPLIED;
                };
            }

            @Override
            public void send() {
                mail.send();
            }

            @Override
            public void flush() {
                mail.flush();
                placements.flush();
            }

            @Override
            public void close() {
                mail.close();
            }
        };
    }

    private WriteOutcome notifyCustomer(PlacedOrders.Batch placements, Notifier.Batch mail, EventEnvelope event,
                                        NotificationKind kind, String orderId, Map<String, String> details) {
        PlacedOrders.PlacedOrder order = placements.get(orderId);
        Recipient customer = recipients.find(order.userId()).orElseThrow(() -> new RecipientNotKnownYetException(
                "user " + order.userId() + " of order " + orderId + " has not reached the notifications yet"));
        Map<String, String> values = new HashMap<>(details);
        values.put("name", customer.name());
        values.put("orderId", orderId);
        values.put("total", format(order.total()));
        return mail.sendOnce(event, kind, customer, values);
    }

    private static String format(Money money) {
        return money.amount().toPlainString() + " " + money.currency();
    }
}
