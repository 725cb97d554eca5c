package io.tributary.command.order;

import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.Requester;
import io.tributary.command.handling.UnknownReferenceException;
import io.tributary.command.product.Product;
import io.tributary.command.user.User;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductDiscontinued;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;


/**
 * Placing an order reads the user and the products as they are now: the order aggregate's own fixture, with the
 * user and product streams held in an in-memory Axon event store that the handler loads them from.
 */
class PlaceOrderTest {

    private static final String ORDER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final String USER = "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";
    /** Registered without a token: only admins order for it. */
    private static final String NOBODYS_USER = "3b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";
    private static final Requester ADA = Requester.customer("ada-subject");
    private static final Requester GRACE = Requester.customer("grace-subject");
    private static final Requester OPERATOR = Requester.admin("operator-subject");
    private static final String LOOM = "1a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f";
    private static final String SPINDLE = "2a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f";
    private static final Money LOOM_PRICE = Money.of("19.90", "EUR");
    private static final Money SPINDLE_PRICE = Money.of("4.50", "EUR");

    private OrderHandlerFixture handler;
    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        handler = new OrderHandlerFixture();
        fixture = handler.orders;
        history("User", USER, new UserRegistered(USER, "Ada Lovelace", "ada@example.com", ADA.subject()));
        history("User", NOBODYS_USER, new UserRegistered(NOBODYS_USER, "Nobody", "nobody@example.com"));
        history("Product", LOOM, new ProductAdded(LOOM, "LOOM-1", "Loom", "A loom", "machines", LOOM_PRICE, 10));
        history("Product", SPINDLE, new ProductAdded(SPINDLE, "SPIN-1", "Spindle", "A spindle", "parts", SPINDLE_PRICE, 10));
    }

    @AfterEach
    void tearDown() {
        handler.close();
    }

    @Test
    void anOrderIsPlacedAtTheProductsCurrentPricesWithItsTotal() {
        Money newLoomPrice = Money.of("24.00", "EUR");
        history("Product", LOOM, 1, new ProductPriceChanged(LOOM, newLoomPrice));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(line(LOOM, 2), line(SPINDLE, 3)), ADA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderPlaced(ORDER, USER, List.of(
                        new OrderLine(LOOM, 2, newLoomPrice), new OrderLine(SPINDLE, 3, SPINDLE_PRICE)),
                        Money.of("61.50", "EUR")));
    }

    @Test
    void aDiscontinuedProductCanBeOrderedButItsReservationIsRefusedLater() {
        history("Product", SPINDLE, 1, new ProductDiscontinued(SPINDLE));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(line(SPINDLE, 1)), ADA))
                .expectEvents(new OrderPlaced(ORDER, USER, List.of(new OrderLine(SPINDLE, 1, SPINDLE_PRICE)), SPINDLE_PRICE));
    }

    @Test
    void productsPricedInDifferentCurrenciesCannotShareAnOrder() {
        history("Product", SPINDLE, 1, new ProductPriceChanged(SPINDLE, Money.of("4.50", "USD")));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(line(LOOM, 1), line(SPINDLE, 1)), ADA))
                .expectNoEvents()
                .expectException(violation("mixed-currencies"));
    }

    @Test
    void aDeactivatedUserCannotOrder() {
        history("User", USER, 1, new UserDeactivated(USER));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(line(LOOM, 1)), ADA))
                .expectNoEvents()
                .expectException(violation("user-deactivated"));
    }

    @Test
    void anUnknownUserIsNamedAsTheOffendingField() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, "no-such-user", List.of(line(LOOM, 1)), ADA))
                .expectNoEvents()
                .expectException(unknownUser("no-such-user"));
    }

    @Test
    void anUnknownProductIsNamedByItsLine() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(line(LOOM, 1), line("no-such-product", 1)), ADA))
                .expectNoEvents()
                .expectException(unknownReference("lines[1].productId"));
    }

    @Test
    void anotherCustomersUserIdAnswersAsAnUnknownOneDoes() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(line(LOOM, 1)), GRACE))
                .expectNoEvents()
                .expectException(unknownUser(USER));
    }

    @Test
    void anotherCustomerLearnsNothingOfADeactivatedUser() {
        history("User", USER, 1, new UserDeactivated(USER));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(line(LOOM, 1)), GRACE))
                .expectNoEvents()
                .expectException(unknownUser(USER));
    }

    @Test
    void anAdminOrdersForAnyUser() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, USER, List.of(line(LOOM, 1)), OPERATOR))
                .expectEvents(new OrderPlaced(ORDER, USER, List.of(new OrderLine(LOOM, 1, LOOM_PRICE)), LOOM_PRICE));
    }

    @Test
    void onlyAnAdminOrdersForAUserRegisteredWithoutAToken() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, NOBODYS_USER, List.of(line(LOOM, 1)), ADA))
                .expectNoEvents()
                .expectException(unknownUser(NOBODYS_USER));
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, NOBODYS_USER, List.of(line(LOOM, 1)), Requester.anonymous()))
                .expectNoEvents()
                .expectException(unknownUser(NOBODYS_USER));
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, NOBODYS_USER, List.of(line(LOOM, 1)), OPERATOR))
                .expectEvents(new OrderPlaced(ORDER, NOBODYS_USER, List.of(new OrderLine(LOOM, 1, LOOM_PRICE)), LOOM_PRICE));
    }

    private void history(String type, String id, Object event) {
        history(type, id, 0, event);
    }

    private void history(String type, String id, long sequence, Object event) {
        handler.history(type, id, sequence, event);
    }

    private static PlaceOrder.RequestedLine line(String productId, int quantity) {
        return new PlaceOrder.RequestedLine(productId, quantity);
    }

    private static Matcher<Object> violation(String code) {
        return new CustomTypeSafeMatcher<>("a business rule violation " + code) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof BusinessRuleViolation violation && violation.code().equals(code);
            }
        };
    }

    /** Exactly what an id that names no user gets: the same field and the same message. */
    private static Matcher<Object> unknownUser(String userId) {
        return new CustomTypeSafeMatcher<>("an unknown user " + userId) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof UnknownReferenceException unknown && unknown.field().equals("userId")
                        && unknown.getMessage().equals("no such user: " + userId);
            }
        };
    }

    private static Matcher<Object> unknownReference(String field) {
        return new CustomTypeSafeMatcher<>("an unknown reference in " + field) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof UnknownReferenceException unknown && unknown.field().equals(field);
            }
        };
    }
}
