package io.tributary.query.order;

import io.tributary.events.AggregateType;
import io.tributary.events.order.OrderStatus;
import io.tributary.http.security.Caller;
import io.tributary.query.access.Concealment;
import io.tributary.query.access.Owners;
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

/**
 * Orders by id and a user's orders (MongoDB view), order search (Elasticsearch, admins only). A customer reads
 * only the orders of the user their token's subject owns; any other order, or another user's list, answers as an
 * unknown id. The check runs on every request before an answer or a 304 is made, cached document or not.
 */
@RestController
@RequestMapping("/api/v1")
class OrdersController {

    private final DocumentViews views;
    private final UserOrders userOrders;
    private final OrderSearch search;
    private final CachedAnswers answers;
    private final Owners owners;
    private final Concealment concealment;

    OrdersController(DocumentViews views, UserOrders userOrders, OrderSearch search, CachedAnswers answers,
                     Owners owners, Concealment concealment) {
        this.views = views;
        this.userOrders = userOrders;
        this.search = search;
        this.answers = answers;
        this.owners = owners;
        this.concealment = concealment;
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<OrderView> byId(@PathVariable String id, Caller caller, ConsistencyTokens tokens, WebRequest request) {
        String orderId = Parameters.uuid("id", id);
        OrderView order = views.require(OrderView.VIEW, orderId, tokens);
        if (!owners.mayReadFor(caller, order.userId())) {
            throw concealment.asAbsent(AggregateType.ORDER, orderId, tokens);
        }
        return answers.resource(request, order);
    }

    @GetMapping("/users/{userId}/orders")
    ResponseEntity<Page<OrderView>> ofUser(@PathVariable String userId,
                                           @RequestParam(required = false) String status,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String cursor,
                                           Caller caller, ConsistencyTokens tokens, WebRequest request) {
        String user = Parameters.uuid("userId", userId);
        if (!owners.mayReadFor(caller, user)) {
            throw concealment.asAbsent(AggregateType.USER, user, tokens);
        }
        Page<OrderView> page = userOrders.list(user, Parameters.optionalChoice("status", status, OrderStatus.class),
                Parameters.limit(limit), Cursor.decodeOptional(cursor, 2), tokens);
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
