package io.tributary.projections.order;

import io.tributary.events.AggregateType;
import io.tributary.events.order.OrderEvent;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderStatus;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.MongoView;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;

import java.util.Date;
import java.util.List;

import static io.tributary.projections.view.ViewValues.money;

/**
 * The orders view in MongoDB, read by id and per user, newest first: {@code {_id: orderId, orderId, userId,
 * status, lines: [{productId, quantity, unitPrice, lineTotal}], total, placedAt, updatedAt, rejectionReason?,
 * statusHistory: [{status, at, version}], version, position}}. Every event appends its status to the history.
 */
public class OrdersMongoProjection extends AggregateProjection<OrderEvent, MongoView> {

    public static final String NAME = "orders-mongo-view";

    public OrdersMongoProjection(MongoView view) {
        super(NAME, AggregateType.ORDER, OrderEvent.class, view);
    }

    @Override
    protected WriteOutcome apply(OrderEvent order, EventEnvelope event) {
        String id = order.orderId();
        String status = OrderStatus.after(order).name();
        Date at = Date.from(event.time());
        Document history = new Document("status", status)
                .append("at", at)
                .append("version", event.aggregateVersion());
        if (order instanceof OrderPlaced placed) {
            OrderTotals.requireConsistent(placed);
            return view.create(id, event, new Document("orderId", id)
                    .append("userId", placed.userId())
                    .append("status", status)
                    .append("lines", placed.lines().stream().map(OrdersMongoProjection::line).toList())
                    .append("total", money(placed.total()))
                    .append("placedAt", at)
                    .append("updatedAt", at)
                    .append("statusHistory", List.of(history)));
        }
        Document changes = new Document("status", status).append("updatedAt", at);
        if (order instanceof OrderRejected rejected) {
            changes.append("rejectionReason", rejected.reason());
        }
        return view.update(id, event, new Document("$set", changes)
                .append("$push", new Document("statusHistory", history)));
    }

    private static Document line(OrderLine line) {
        return new Document("productId", line.productId())
                .append("quantity", line.quantity())
                .append("unitPrice", money(line.unitPrice()))
                .append("lineTotal", money(line.lineTotal()));
    }
}
