package io.tributary.query.order;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.tributary.events.AggregateType;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.http.Cursor;
import io.tributary.query.http.Page;
import io.tributary.query.view.DocumentViews;
import io.tributary.query.view.SearchViews;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Order search over the {@code orders} alias, newest first, paged with {@code search_after} on
 * {@code (placedAt, orderId)}. The orders themselves come from the MongoDB view (exact amounts, lines).
 */
@Component
class OrderSearch {

    static final String ALIAS = "orders";

    private static final List<SortOptions> NEWEST_FIRST = List.of(
            SortOptions.of(sort -> sort.field(field -> field.field("placedAt").order(SortOrder.Desc))),
            SortOptions.of(sort -> sort.field(field -> field.field("orderId").order(SortOrder.Desc))));

    private final SearchViews search;
    private final DocumentViews views;

    OrderSearch(SearchViews search, DocumentViews views) {
        this.search = search;
        this.views = views;
    }

    Page<OrderView> search(OrderFilter filter, int limit, Cursor cursor, ConsistencyTokens tokens) {
        search.awaitTokens(ALIAS, AggregateType.ORDER, tokens);
        SearchResponse<Void> response = search.search(ALIAS, request -> {
            request.size(limit)
                    .source(source -> source.fetch(false))
                    .trackTotalHits(total -> total.enabled(true))
                    .query(filter.toSearch())
                    .sort(NEWEST_FIRST);
            if (cursor != null) {
                request.searchAfter(FieldValue.of(cursor.whole(0)), FieldValue.of(cursor.text(1)));
            }
            return request;
        }, Void.class);
        List<Hit<Void>> hits = response.hits().hits();
        Map<String, OrderView> orders = views.findAll(OrderView.VIEW, hits.stream().map(Hit::id).toList(), tokens);
        List<OrderView> items = hits.stream().map(hit -> orders.get(hit.id())).filter(Objects::nonNull).toList();
        String nextCursor = hits.size() == limit ? cursorAfter(hits.getLast()) : null;
        return new Page<>(items, SearchViews.totalOf(response), nextCursor);
    }

    private static String cursorAfter(Hit<Void> hit) {
        return Cursor.encode(List.of(hit.sort().get(0).longValue(), hit.sort().get(1).stringValue()));
    }
}
