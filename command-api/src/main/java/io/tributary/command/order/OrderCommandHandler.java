package io.tributary.command.order;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.handling.Aggregates;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.Requester;
import io.tributary.command.handling.UnknownReferenceException;
import io.tributary.command.product.Product;
import io.tributary.command.user.User;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places orders at the prices the products have now, after checking the user may order. Products are
 * loaded in id order so that concurrent placements never wait on each other in a cycle. A customer orders and
 * cancels only for their own account: another user's id answers as an unknown one does, so ids cannot be probed.
 */
@Component
class OrderCommandHandler {

    private final Repository<Order> orders;
    private final Repository<User> users;
    private final Repository<Product> products;

    OrderCommandHandler(Repository<Order> orders, Repository<User> users, Repository<Product> products) {
        this.orders = orders;
        this.users = users;
        this.products = products;
    }

    @CommandHandler
    AggregateVersion handle(PlaceOrder command) throws Exception {
        requireActiveUser(command.userId(), command.requester());
        List<OrderLine> lines = priceLines(command.lines());
        String currency = lines.getFirst().unitPrice().currency();
        if (lines.stream().anyMatch(line -> !line.unitPrice().currency().equals(currency))) {
            throw new BusinessRuleViolation("mixed-currencies", "all products of an order must be priced in one currency");
        }
        return AggregateVersion.of(orders.newInstance(() -> Order.place(command.orderId(), command.userId(), lines)));
    }

    @CommandHandler
    AggregateVersion handle(CancelOrder command) {
        return Aggregates.execute(orders, command.orderId(), command.expectedVersion(),
                order -> mayCancel(command.requester(), order), Order::cancel);
    }

    @CommandHandler
    AggregateVersion handle(ShipOrder command) {
        return Aggregates.execute(orders, command.orderId(), command.expectedVersion(), Order::ship);
    }

    /** An admin any order, without loading its user; anyone else only the orders of their own account. */
    private boolean mayCancel(Requester requester, Order order) {
        return requester.admin() || requester.mayActFor(users.load(order.userId()).invoke(User::subject));
    }

    private void requireActiveUser(String userId, Requester requester) {
        String unknown = "no such user: " + userId;
        Aggregate<User> user = load(users, userId, "userId", unknown);
        if (!requester.mayActFor(user.invoke(User::subject))) {
            throw new UnknownReferenceException("userId", unknown);
        }
        if (!user.invoke(User::isActive)) {
            throw new BusinessRuleViolation("user-deactivated", "user " + userId + " is deactivated and cannot order");
        }
    }

    private List<OrderLine> priceLines(List<PlaceOrder.RequestedLine> requested) {
        Map<String, Money> prices = new TreeMap<>();
        requested.stream().map(PlaceOrder.RequestedLine::productId).sorted(Comparator.naturalOrder()).forEach(id ->
                prices.computeIfAbsent(id, productId -> load(products, productId, "lines[" + indexOf(requested, productId)
                        + "].productId", "no such product: " + productId).invoke(Product::price)));
        List<OrderLine> lines = new ArrayList<>(requested.size());
        for (PlaceOrder.RequestedLine line : requested) {
            lines.add(new OrderLine(line.productId(), line.quantity(), prices.get(line.productId())));
        }
        return lines;
    }

    private static int indexOf(List<PlaceOrder.RequestedLine> lines, String productId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId().equals(productId)) {
                return i;
            }
        }
        return -1;
    }

    private static <T> Aggregate<T> load(Repository<T> repository, String id, String field, String message) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw new UnknownReferenceException(field, message);
        }
    }
}
