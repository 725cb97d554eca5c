package io.tributary.command.product;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.InMemoryUniqueClaims;
import io.tributary.command.product.StockCommands.ReleaseStock;
import io.tributary.command.product.StockCommands.ReserveStock;
import io.tributary.command.product.StockCommands.ShipStock;
import io.tributary.events.money.Money;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductDetailsChanged;
import io.tributary.events.product.ProductDiscontinued;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.product.ProductRestocked;
import io.tributary.events.product.StockReleased;
import io.tributary.events.product.StockReservationRefused;
import io.tributary.events.product.StockReserved;
import io.tributary.events.product.StockShipped;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final String PRODUCT = "5a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f";
    private static final String ORDER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final String OTHER_ORDER = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
    private static final Money PRICE = Money.of("19.90", "EUR");
    private static final ProductAdded ADDED = new ProductAdded(PRODUCT, "LOOM-1", "Loom", "A loom", "machines", PRICE, 10);

    private AggregateTestFixture<Product> fixture;
    private InMemoryUniqueClaims claims;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        claims = new InMemoryUniqueClaims();
        fixture.registerAnnotatedCommandHandler(new ProductCommandHandler(fixture.getRepository(), claims));
    }

    @Test
    void addingAProduct() {
        fixture.givenNoPriorActivity()
                .when(new AddProduct(PRODUCT, "LOOM-1", "Loom", "A loom", "machines", PRICE, 10))
                .expectEvents(ADDED)
                .expectResultMessagePayload(new AggregateVersion(PRODUCT, 1));
    }

    @Test
    void skusAreUniqueIgnoringCase() {
        claims.claim(ProductCommandHandler.SKU_SCOPE, "loom-1", "another-product");
        fixture.givenNoPriorActivity()
                .when(new AddProduct(PRODUCT, "LOOM-1", "Loom", "A loom", "machines", PRICE, 10))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void detailsChangePartially() {
        fixture.given(ADDED)
                .when(new ChangeProductDetails(PRODUCT, null, "A faster loom", null, null))
                .expectEvents(new ProductDetailsChanged(PRODUCT, "Loom", "A faster loom", "machines"));
    }

    @Test
    void priceChangesAndSamePriceIsANoOp() {
        fixture.given(ADDED)
                .when(new ChangeProductPrice(PRODUCT, Money.of("24.00", "EUR"), null))
                .expectEvents(new ProductPriceChanged(PRODUCT, Money.of("24.00", "EUR")));
        fixture.given(ADDED)
                .when(new ChangeProductPrice(PRODUCT, Money.of("19.9", "EUR"), null))
                .expectNoEvents();
    }

    @Test
    void restockAddsToAvailable() {
        fixture.given(ADDED, new StockReserved(PRODUCT, ORDER, 4, 6, 4))
                .when(new RestockProduct(PRODUCT, 5, null))
                .expectEvents(new ProductRestocked(PRODUCT, 5, 11))
                .expectResultMessagePayload(new AggregateVersion(PRODUCT, 3));
    }

    @Test
    void aRestockBeyondTheMostUnitsAvailableIsRefused() {
        fixture.given(ADDED, new ProductRestocked(PRODUCT, 999_999_990, Product.MAX_AVAILABLE - 1))
                .when(new RestockProduct(PRODUCT, 2, null))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(ADDED, new ProductRestocked(PRODUCT, 999_999_990, Product.MAX_AVAILABLE - 1))
                .when(new RestockProduct(PRODUCT, 1, null))
                .expectEvents(new ProductRestocked(PRODUCT, 1, Product.MAX_AVAILABLE));
    }

    @Test
    void aDiscontinuedProductIsNotRestockedNorReserved() {
        fixture.given(ADDED, new ProductDiscontinued(PRODUCT))
                .when(new RestockProduct(PRODUCT, 5, null))
                .expectException(BusinessRuleViolation.class);
        fixture.given(ADDED, new ProductDiscontinued(PRODUCT))
                .when(new ReserveStock(PRODUCT, ORDER, 1))
                .expectEvents(new StockReservationRefused(PRODUCT, ORDER, 1, "product " + PRODUCT + " is discontinued"));
    }

    @Test
    void reservingMovesUnitsFromAvailableToReserved() {
        fixture.given(ADDED)
                .when(new ReserveStock(PRODUCT, ORDER, 10))
                .expectEvents(new StockReserved(PRODUCT, ORDER, 10, 0, 10));
    }

    @Test
    void moreThanAvailableIsRefusedAndNothingGoesNegative() {
        fixture.given(ADDED, new StockReserved(PRODUCT, OTHER_ORDER, 9, 1, 9))
                .when(new ReserveStock(PRODUCT, ORDER, 2))
                .expectEvents(new StockReservationRefused(PRODUCT, ORDER, 2, "only 1 of product " + PRODUCT + " available"));
    }

    @Test
    void reservingTwiceForOneOrderHasNoSecondEffect() {
        fixture.given(ADDED, new StockReserved(PRODUCT, ORDER, 3, 7, 3))
                .when(new ReserveStock(PRODUCT, ORDER, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releaseReturnsTheReservationOnce() {
        fixture.given(ADDED, new StockReserved(PRODUCT, ORDER, 3, 7, 3))
                .when(new ReleaseStock(PRODUCT, ORDER))
                .expectEvents(new StockReleased(PRODUCT, ORDER, 3, 10, 0));
        fixture.given(ADDED, new StockReserved(PRODUCT, ORDER, 3, 7, 3), new StockReleased(PRODUCT, ORDER, 3, 10, 0))
                .when(new ReleaseStock(PRODUCT, ORDER))
                .expectNoEvents();
    }

    @Test
    void shippingConsumesTheReservation() {
        fixture.given(ADDED, new StockReserved(PRODUCT, ORDER, 3, 7, 3))
                .when(new ShipStock(PRODUCT, ORDER))
                .expectEvents(new StockShipped(PRODUCT, ORDER, 3, 0));
    }
}
