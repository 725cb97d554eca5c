package io.tributary.projections.product;

import io.tributary.events.AggregateType;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductDetailsChanged;
import io.tributary.events.product.ProductDiscontinued;
import io.tributary.events.product.ProductEvent;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.product.ProductRestocked;
import io.tributary.events.product.StockReleased;
import io.tributary.events.product.StockReservationRefused;
import io.tributary.events.product.StockReserved;
import io.tributary.events.product.StockShipped;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.MongoView;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;

import java.util.Date;

import static io.tributary.projections.view.ViewValues.money;

/**
 * The products view in MongoDB, read by id: {@code {_id: productId, productId, sku, name, description, category,
 * price: {amount, currency}, available, reserved, discontinued, addedAt, discontinuedAt?, version, position}}.
 * Stock levels are taken from the events, which carry them as they are after the change.
 */
public class ProductsMongoProjection extends AggregateProjection<ProductEvent, MongoView> {

    public static final String NAME = "products-mongo-view";

    public ProductsMongoProjection(MongoView view) {
        super(NAME, AggregateType.PRODUCT, ProductEvent.class, view);
    }

    @Override
    protected WriteOutcome apply(ProductEvent product, EventEnvelope event) {
        String id = product.productId();
        return switch (product) {
            case ProductAdded added -> view.create(id, event, new Document("productId", id)
                    .append("sku", added.sku())
                    .append("name", added.name())
                    .append("description", added.description())
                    .append("category", added.category())
                    .append("price", money(added.price()))
                    .append("available", added.initialStock())
                    .append("reserved", 0)
                    .append("discontinued", false)
                    .append("addedAt", Date.from(event.time())));
            case ProductDetailsChanged details -> view.set(id, event, new Document("name", details.name())
                    .append("description", details.description())
                    .append("category", details.category()));
            case ProductPriceChanged price -> view.set(id, event, new Document("price", money(price.price())));
            case ProductRestocked restocked -> view.set(id, event, new Document("available", restocked.available()));
            case StockReserved reserved -> view.set(id, event, new Document("available", reserved.available())
                    .append("reserved", reserved.reserved()));
            case StockReleased released -> view.set(id, event, new Document("available", released.available())
                    .append("reserved", released.reserved()));
            case StockShipped shipped -> view.set(id, event, new Document("reserved", shipped.reserved()));
            // Changes no stock, but the view must pass the version for the events after it to apply.
            case StockReservationRefused ignored -> view.set(id, event, new Document());
            case ProductDiscontinued ignored -> view.set(id, event, new Document("discontinued", true)
                    .append("discontinuedAt", Date.from(event.time())));
        };
    }
}
