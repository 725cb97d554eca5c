package io.tributary.projections.notification;

import io.tributary.events.money.Money;
import io.tributary.events.order.OrderPlaced;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;

import java.util.Collection;

/**
 * What a confirmation or rejection needs from the placement, {@code notification_orders}:
 * {@code {_id: orderId, userId, total: {amount, currency}, version}}. {@code OrderPlaced} precedes the order's
 * later events on the same partition, so it is always here first.
 */
class PlacedOrders {

    static final String COLLECTION = "notification_orders";

    private final VersionedDocuments orders;

    PlacedOrders(VersionedDocuments orders) {
        this.orders = orders;
    }

    /** Starts the work of a batch that concerns the orders {@code orderIds}. */
    Batch batch(Collection<String> orderIds) {
        return new Batch(orders.batch(orderIds));
    }

    /** A batch's placements, written by {@link #flush()} and readable by the batch before. */
    static final class Batch {

        private final VersionedDocuments.Batch batch;

        private Batch(VersionedDocuments.Batch batch) {
            this.batch = batch;
        }

        WriteOutcome record(OrderPlaced placed, long aggregateVersion) {
            Document total = new Document("amount", placed.total().amount().toPlainString())
                    .append("currency", placed.total().currency());
            return batch.setIfNewer(placed.orderId(), aggregateVersion,
                    new Document("userId", placed.userId()).append("total", total));
        }

        /** @throws IllegalStateException when the order's placement never reached the notifications */
        PlacedOrder get(String orderId) {
            Document order = batch.find(orderId).orElseThrow(() -> new IllegalStateException(
                    "order " + orderId + " was never placed as far as the notifications know"));
            Document total = order.get("total", Document.class);
            return new PlacedOrder(orderId, order.getString("userId"),
                    Money.of(total.getString("amount"), total.getString("currency")));
        }

        void flush() {
            batch.flush();
        }
    }

    record PlacedOrder(String orderId, String userId, Money total) {
    }
}
