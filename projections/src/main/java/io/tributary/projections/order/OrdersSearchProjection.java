package io.tributary.projections.order;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.AggregateType;
import io.tributary.events.order.OrderEvent;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderStatus;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.SearchView;
import io.tributary.projections.view.WriteOutcome;

import static io.tributary.projections.view.ViewValues.approximateAmount;

/**
 * The orders search index (mapping in {@code search/orders_v1.json}) for filtering and faceting: {@code orderId,
 * userId, status, placedAt, updatedAt, total} (a double) with its {@code currency}, {@code lineCount} and the
 * ordered {@code productIds}. Document id = order id, document version = aggregate version.
 */
public class OrdersSearchProjection extends AggregateProjection<OrderEvent, SearchView> {

    public static final String NAME = "orders-search-index";

    public OrdersSearchProjection(SearchView view) {
        super(NAME, AggregateType.ORDER, OrderEvent.class, view);
    }

    @Override
    protected WriteOutcome apply(OrderEvent order, EventEnvelope event) {
        String id = order.orderId();
        ObjectNode fields = JsonNodeFactory.instance.objectNode()
                .put("status", OrderStatus.after(order).name())
                .put("updatedAt", event.time().toString());
        if (order instanceof OrderPlaced placed) {
            OrderTotals.requireConsistent(placed);
            fields.put("orderId", id)
                    .put("userId", placed.userId())
                    .put("placedAt", event.time().toString())
                    .put("total", approximateAmount(placed.total()))
                    .put("currency", placed.total().currency())
                    .put("lineCount", placed.lines().size())
                    .putArray("productIds").addAll(placed.lines().stream()
                            .map(line -> JsonNodeFactory.instance.textNode(line.productId()))
                            .toList());
            return view.create(id, event, fields);
        }
        return view.merge(id, event, fields);
    }
}
