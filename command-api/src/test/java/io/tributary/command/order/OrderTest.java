package io.tributary.command.order;

import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.Requester;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class OrderTest {

    private static final String ORDER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final Money PRICE = Money.of("19.90", "EUR");
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10",
            List.of(new OrderLine("5a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f", 2, PRICE)), PRICE.times(2));

    /** An admin cancels without the order's user being loaded; ownership has its own test. */
    private static final Requester OPERATOR = Requester.admin("operator-subject");

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerAnnotatedCommandHandler(new OrderCommandHandler(fixture.getRepository(), null, null));
    }

    @Test
    void pendingOrdersAreConfirmedOrRejected() {
        fixture.given(PLACED).when(new ConfirmOrder(ORDER)).expectEvents(new OrderConfirmed(ORDER));
        fixture.given(PLACED).when(new RejectOrder(ORDER, "out of stock")).expectEvents(new OrderRejected(ORDER, "out of stock"));
    }

    @Test
    void aCancelledOrderIsNeitherConfirmedNorRejected() {
        fixture.given(PLACED, new OrderCancelled(ORDER)).when(new ConfirmOrder(ORDER)).expectNoEvents();
        fixture.given(PLACED, new OrderCancelled(ORDER)).when(new RejectOrder(ORDER, "late")).expectNoEvents();
    }

    @Test
    void pendingAndConfirmedOrdersCanBeCancelledOnce() {
        fixture.given(PLACED).when(new CancelOrder(ORDER, null, OPERATOR)).expectEvents(new OrderCancelled(ORDER));
        fixture.given(PLACED, new OrderConfirmed(ORDER)).when(new CancelOrder(ORDER, null, OPERATOR)).expectEvents(new OrderCancelled(ORDER));
        fixture.given(PLACED, new OrderCancelled(ORDER)).when(new CancelOrder(ORDER, null, OPERATOR)).expectNoEvents();
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        fixture.given(PLACED, new OrderConfirmed(ORDER), new OrderShipped(ORDER))
                .when(new CancelOrder(ORDER, null, OPERATOR))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRejectedOrderCannotBeCancelled() {
        fixture.given(PLACED, new OrderRejected(ORDER, "out of stock"))
                .when(new CancelOrder(ORDER, null, OPERATOR))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void onlyConfirmedOrdersShip() {
        fixture.given(PLACED, new OrderConfirmed(ORDER)).when(new ShipOrder(ORDER, null)).expectEvents(new OrderShipped(ORDER));
        fixture.given(PLACED).when(new ShipOrder(ORDER, null)).expectException(BusinessRuleViolation.class);
        fixture.given(PLACED, new OrderCancelled(ORDER)).when(new ShipOrder(ORDER, null)).expectException(BusinessRuleViolation.class);
    }
}
