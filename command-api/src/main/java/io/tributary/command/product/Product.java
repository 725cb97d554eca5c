package io.tributary.command.product;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.command.handling.BusinessRuleViolation;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A catalogue entry and its stock. {@code available} units can be reserved by orders; {@code reserved} units
 * belong to orders until shipped or released. Neither ever goes negative. Snapshotted every N events because
 * stock changes are frequent.
 */
@Aggregate(repository = "productRepository")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Product {

    /** The most units a product may have available: a restock beyond it is refused rather than overflowing. */
    static final int MAX_AVAILABLE = 1_000_000_000;

    @AggregateIdentifier
    private String productId;
    private String name;
    private String description;
    private String category;
    private Money price;
    private int available;
    private int reserved;
    private boolean discontinued;
    /** Reserved quantity per order: what makes reservation commands idempotent. */
    private Map<String, Integer> reservations = new HashMap<>();

    protected Product() {
        // for event sourcing
    }

    static Product add(AddProduct command) {
        Product product = new Product();
        apply(new ProductAdded(command.productId(), command.sku(), command.name(), command.description(),
                command.category(), command.price(), command.initialStock()));
        return product;
    }

    void changeDetails(String newName, String newDescription, String newCategory) {
        String name = Objects.requireNonNullElse(newName, this.name);
        String description = Objects.requireNonNullElse(newDescription, this.description);
        String category = Objects.requireNonNullElse(newCategory, this.category);
        if (!name.equals(this.name) || !description.equals(this.description) || !category.equals(this.category)) {
            apply(new ProductDetailsChanged(productId, name, description, category));
        }
    }

    void changePrice(Money newPrice) {
        if (!newPrice.equals(price)) {
            apply(new ProductPriceChanged(productId, newPrice));
        }
    }

    void restock(int quantity) {
        if (discontinued) {
            throw new BusinessRuleViolation("product-discontinued", "product " + productId + " is discontinued");
        }
        if ((long) available + quantity > MAX_AVAILABLE) {
            throw new BusinessRuleViolation("stock-limit", "product " + productId + " would have more than "
                    + MAX_AVAILABLE + " units available");
        }
        apply(new ProductRestocked(productId, quantity, available + quantity));
    }

    void discontinue() {
        if (!discontinued) {
            apply(new ProductDiscontinued(productId));
        }
    }

    public Money price() {
        return price;
    }

    @CommandHandler
    void handle(ReserveStock command) {
        if (reservations.containsKey(command.orderId())) {
            return;
        }
        if (discontinued) {
            apply(new StockReservationRefused(productId, command.orderId(), command.quantity(),
                    "product " + productId + " is discontinued"));
        } else if (command.quantity() > available) {
            apply(new StockReservationRefused(productId, command.orderId(), command.quantity(),
                    "only " + available + " of product " + productId + " available"));
        } else {
            apply(new StockReserved(productId, command.orderId(), command.quantity(),
                    available - command.quantity(), reserved + command.quantity()));
        }
    }

    @CommandHandler
    void handle(ReleaseStock command) {
        Integer quantity = reservations.get(command.orderId());
        if (quantity != null) {
            apply(new StockReleased(productId, command.orderId(), quantity, available + quantity, reserved - quantity));
        }
    }

    @CommandHandler
    void handle(ShipStock command) {
        Integer quantity = reservations.get(command.orderId());
        if (quantity != null) {
            apply(new StockShipped(productId, command.orderId(), quantity, reserved - quantity));
        }
    }

    @EventSourcingHandler
    void on(ProductAdded event) {
        productId = event.productId();
        name = event.name();
        description = event.description();
        category = event.category();
        price = event.price();
        available = event.initialStock();
    }

    @EventSourcingHandler
    void on(ProductDetailsChanged event) {
        name = event.name();
        description = event.description();
        category = event.category();
    }

    @EventSourcingHandler
    void on(ProductPriceChanged event) {
        price = event.price();
    }

    @EventSourcingHandler
    void on(ProductRestocked event) {
        available = event.available();
    }

    @EventSourcingHandler
    void on(ProductDiscontinued event) {
        discontinued = true;
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        available = event.available();
        reserved = event.reserved();
        reservations.put(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        available = event.available();
        reserved = event.reserved();
        reservations.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(StockShipped event) {
        reserved = event.reserved();
        reservations.remove(event.orderId());
    }
}
