package io.tributary.query.order;

import io.tributary.events.order.OrderStatus;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.http.CachedAnswers;
import io.tributary.query.http.Cursor;
import io.tributary.query.http.Page;
import io.tributary.query.http.Parameters;
import io.tributary.query.view.DocumentViews;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Orders by id and a user's orders (MongoDB view), order search (Elasticsearch). */
@RestController
@RequestMapping("/api/v1")
class OrdersController {

    private final DocumentViews views;
    private final UserOrders userOrders;
    private final OrderSearch search;
    private final CachedAnswers answers;

    OrdersController(DocumentViews views, UserOrders userOrders, OrderSearch search, CachedAnswers answers) {
        this.views = views;
        this.userOrders = userOrders;
        this.search = search;
        this.answers = answers;
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<OrderView> byId(@PathVariable String id, ConsistencyTokens tokens, WebRequest request) {
        return answers.resource(request, views.require(OrderView.VIEW, Parameters.uuid("id", id), tokens));
    }

    @GetMapping("/users/{userId}/orders")
    ResponseEntity<Page<OrderView>> ofUser(@PathVariable String userId,
                                           @RequestParam(required = false) String status,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String cursor,
                                           ConsistencyTokens tokens, WebRequest request) {
        Page<OrderView> page = userOrders.list(Parameters.uuid("userId", userId),
                Parameters.optionalChoice("status", status, OrderStatus.class), Parameters.limit(limit),
                Cursor.decodeOptional(cursor, 2), tokens);
        return answers.result(request, page);
    }

    @GetMapping("/orders")
    ResponseEntity<Page<OrderView>> search(@RequestParam(required = false) String status,
                                           @RequestParam(required = false) String userId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String cursor,
                                           ConsistencyTokens tokens, WebRequest request) {
        Page<OrderView> page = search.search(OrderFilter.of(status, userId, from, to), Parameters.limit(limit),
                Cursor.decodeOptional(cursor, 2), tokens);
        return answers.result(request, page);
    }
}
