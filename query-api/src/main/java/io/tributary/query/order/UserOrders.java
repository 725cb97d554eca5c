package io.tributary.query.order;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.tributary.events.order.OrderStatus;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.http.Cursor;
import io.tributary.query.http.Page;
import io.tributary.query.view.DocumentViews;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A user's orders from the MongoDB view, newest first, through the index {@code {userId, placedAt: -1, _id: -1}}.
 * The cursor is the {@code (placedAt, _id)} of the page's last order; the next page starts strictly after it,
 * so orders placed meanwhile (newer, hence before it) neither shift nor repeat what follows.
 */
@Component
class UserOrders {

    private static final Bson NEWEST_FIRST = Sorts.orderBy(Sorts.descending("placedAt"), Sorts.descending("_id"));

    private final DocumentViews views;

    UserOrders(DocumentViews views) {
        this.views = views;
    }

    Page<OrderView> list(String userId, OrderStatus status, int limit, Cursor cursor, ConsistencyTokens tokens) {
        views.awaitTokens(OrderView.VIEW, tokens);
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("userId", userId)));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (cursor != null) {
            Date placedAt = Date.from(Instant.ofEpochMilli(cursor.whole(0)));
            String orderId = cursor.text(1);
            filters.add(Filters.or(Filters.lt("placedAt", placedAt),
                    Filters.and(Filters.eq("placedAt", placedAt), Filters.lt("_id", orderId))));
        }
        // One more than asked tells whether another page follows.
        List<OrderView> found = views.list(OrderView.VIEW, Filters.and(filters), NEWEST_FIRST, limit + 1);
        if (found.size() <= limit) {
            return new Page<>(found, null, null);
        }
        List<OrderView> page = found.subList(0, limit);
        OrderView last = page.getLast();
        return new Page<>(List.copyOf(page), null,
                Cursor.encode(List.of(last.placedAt().toEpochMilli(), last.id())));
    }
}
