package io.tributary.command.order;

import io.tributary.command.handling.Requester;
import io.tributary.command.handling.StaleVersionException;
import io.tributary.command.user.User;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.user.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import static io.tributary.command.handling.UnknownAggregate.notFound;

/**
 * An order is its user's owner's to cancel, and any admin's; to anyone else it answers as an unknown order does.
 * The users live in an in-memory Axon event store that the handler loads them from.
 */
class CancelOrderTest {

    private static final String ORDER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final String ADAS_USER = "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";
    private static final String NOBODYS_USER = "3b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";
    private static final Requester ADA = Requester.customer("ada-subject");
    private static final Requester GRACE = Requester.customer("grace-subject");
    private static final Requester OPERATOR = Requester.admin("operator-subject");
    private static final Money PRICE = Money.of("19.90", "EUR");

    private OrderHandlerFixture handler;
    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        handler = new OrderHandlerFixture();
        fixture = handler.orders;
        user(ADAS_USER, new UserRegistered(ADAS_USER, "Ada Lovelace", "ada@example.com", ADA.subject()));
        user(NOBODYS_USER, new UserRegistered(NOBODYS_USER, "Nobody", "nobody@example.com"));
    }

    @AfterEach
    void tearDown() {
        handler.close();
    }

    @Test
    void theOwnerCancelsTheirOrder() {
        fixture.given(placedFor(ADAS_USER), new OrderConfirmed(ORDER))
                .when(new CancelOrder(ORDER, null, ADA))
                .expectEvents(new OrderCancelled(ORDER));
    }

    @Test
    void toAnotherCustomerTheOrderDoesNotExistWhateverVersionTheyName() {
        fixture.given(placedFor(ADAS_USER))
                .when(new CancelOrder(ORDER, null, GRACE))
                .expectNoEvents()
                .expectException(notFound(ORDER));
        fixture.given(placedFor(ADAS_USER), new OrderConfirmed(ORDER))
                .when(new CancelOrder(ORDER, 1L, GRACE))
                .expectNoEvents()
                .expectException(notFound(ORDER));
    }

    @Test
    void theOwnerWithAStaleVersionIsToldTheVersion() {
        fixture.given(placedFor(ADAS_USER), new OrderConfirmed(ORDER))
                .when(new CancelOrder(ORDER, 1L, ADA))
                .expectNoEvents()
                .expectException(StaleVersionException.class);
    }

    @Test
    void anAdminCancelsAnyOrder() {
        fixture.given(placedFor(ADAS_USER))
                .when(new CancelOrder(ORDER, null, OPERATOR))
                .expectEvents(new OrderCancelled(ORDER));
    }

    @Test
    void onlyAnAdminCancelsAnOrderOfAUserRegisteredWithoutAToken() {
        fixture.given(placedFor(NOBODYS_USER))
                .when(new CancelOrder(ORDER, null, ADA))
                .expectNoEvents()
                .expectException(notFound(ORDER));
        fixture.given(placedFor(NOBODYS_USER))
                .when(new CancelOrder(ORDER, null, Requester.anonymous()))
                .expectNoEvents()
                .expectException(notFound(ORDER));
        fixture.given(placedFor(NOBODYS_USER))
                .when(new CancelOrder(ORDER, null, OPERATOR))
                .expectEvents(new OrderCancelled(ORDER));
    }

    private static OrderPlaced placedFor(String userId) {
        return new OrderPlaced(ORDER, userId, List.of(new OrderLine("5a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f", 1, PRICE)),
                PRICE);
    }

    private void user(String id, UserRegistered registered) {
        handler.history("User", id, 0, registered);
    }

}
