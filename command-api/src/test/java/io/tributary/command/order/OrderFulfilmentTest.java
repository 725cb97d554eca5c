package io.tributary.command.order;

import io.tributary.command.product.StockCommands.ReleaseStock;
import io.tributary.command.product.StockCommands.ReserveStock;
import io.tributary.command.product.StockCommands.ShipStock;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;
import io.tributary.events.product.StockReservationRefused;
import io.tributary.events.product.StockReserved;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class OrderFulfilmentTest {

    private static final String ORDER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final String LOOM = "5a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f";
    private static final String SPINDLE = "6b2d0a7f-4c8e-4f9b-8d3a-2e1f5c7b9d4a";
    private static final Money PRICE = Money.of("10.00", "EUR");
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10",
            List.of(new OrderLine(LOOM, 2, PRICE), new OrderLine(SPINDLE, 1, PRICE)), PRICE.times(3));

    private SagaTestFixture<OrderFulfilment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilment.class);
    }

    @Test
    void aPlacedOrderReservesEveryLine() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER).publishes(PLACED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ReserveStock(LOOM, ORDER, 2), new ReserveStock(SPINDLE, ORDER, 1));
    }

    @Test
    void reservesInTheOrderOfProductIdsWhateverTheOrderOfTheLines() {
        OrderPlaced spindleFirst = new OrderPlaced(ORDER, PLACED.userId(),
                List.of(new OrderLine(SPINDLE, 1, PRICE), new OrderLine(LOOM, 2, PRICE)), PRICE.times(3));
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER).publishes(spindleFirst)
                .expectDispatchedCommands(new ReserveStock(LOOM, ORDER, 2), new ReserveStock(SPINDLE, ORDER, 1));
    }

    @Test
    void shipsInTheOrderOfProductIdsWhateverTheOrderOfTheReservations() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(SPINDLE).published(new StockReserved(SPINDLE, ORDER, 1, 0, 1))
                .andThenAggregate(LOOM).published(new StockReserved(LOOM, ORDER, 2, 8, 2))
                .andThenAggregate(ORDER).published(new OrderConfirmed(ORDER))
                .whenAggregate(ORDER).publishes(new OrderShipped(ORDER))
                .expectDispatchedCommands(new ShipStock(LOOM, ORDER), new ShipStock(SPINDLE, ORDER));
    }

    @Test
    void confirmsWhenEveryLineIsReserved() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(LOOM).published(new StockReserved(LOOM, ORDER, 2, 8, 2))
                .whenAggregate(SPINDLE).publishes(new StockReserved(SPINDLE, ORDER, 1, 0, 1))
                .expectDispatchedCommands(new ConfirmOrder(ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void releasesWhatWasReservedAndRejectsWhenALineIsRefused() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(LOOM).published(new StockReserved(LOOM, ORDER, 2, 8, 2))
                .whenAggregate(SPINDLE).publishes(new StockReservationRefused(SPINDLE, ORDER, 1, "only 0 available"))
                .expectDispatchedCommands(new ReleaseStock(LOOM, ORDER), new RejectOrder(ORDER, "only 0 available"));
    }

    @Test
    void waitsForEveryAnswerBeforeDeciding() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .whenAggregate(SPINDLE).publishes(new StockReservationRefused(SPINDLE, ORDER, 1, "only 0 available"))
                .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenTheOrderIsRejected() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(SPINDLE).published(new StockReservationRefused(SPINDLE, ORDER, 1, "none"))
                .andThenAggregate(LOOM).published(new StockReservationRefused(LOOM, ORDER, 2, "none"))
                .whenAggregate(ORDER).publishes(new OrderRejected(ORDER, "none"))
                .expectActiveSagas(0);
    }

    @Test
    void cancellingAConfirmedOrderReleasesItsStock() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(LOOM).published(new StockReserved(LOOM, ORDER, 2, 8, 2))
                .andThenAggregate(SPINDLE).published(new StockReserved(SPINDLE, ORDER, 1, 0, 1))
                .andThenAggregate(ORDER).published(new OrderConfirmed(ORDER))
                .whenAggregate(ORDER).publishes(new OrderCancelled(ORDER))
                .expectDispatchedCommands(new ReleaseStock(LOOM, ORDER), new ReleaseStock(SPINDLE, ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void cancellingWhilePendingReleasesReservationsThatArriveLater() {
        fixture.givenAggregate(ORDER).published(PLACED, new OrderCancelled(ORDER))
                .andThenAggregate(LOOM).published(new StockReserved(LOOM, ORDER, 2, 8, 2))
                .whenAggregate(SPINDLE).publishes(new StockReserved(SPINDLE, ORDER, 1, 0, 1))
                .expectDispatchedCommands(new ReleaseStock(LOOM, ORDER), new ReleaseStock(SPINDLE, ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void shippingTakesTheReservedUnitsOut() {
        fixture.givenAggregate(ORDER).published(PLACED)
                .andThenAggregate(LOOM).published(new StockReserved(LOOM, ORDER, 2, 8, 2))
                .andThenAggregate(SPINDLE).published(new StockReserved(SPINDLE, ORDER, 1, 0, 1))
                .andThenAggregate(ORDER).published(new OrderConfirmed(ORDER))
                .whenAggregate(ORDER).publishes(new OrderShipped(ORDER))
                .expectDispatchedCommands(new ShipStock(LOOM, ORDER), new ShipStock(SPINDLE, ORDER))
                .expectActiveSagas(0);
    }
}
