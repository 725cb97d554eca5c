package io.tributary.projections.product;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.AggregateType;
import io.tributary.events.money.Money;
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
import io.tributary.projections.view.SearchView;
import io.tributary.projections.view.WriteOutcome;

import static io.tributary.projections.view.ViewValues.approximateAmount;

/**
 * The products search index (mapping in {@code search/products_v1.json}): catalogue fields, {@code price} as a
 * double with its {@code currency}, stock levels, {@code inStock} (available and not discontinued) and the
 * completion field {@code suggest}. Document id = product id, document version = aggregate version.
 */
public class ProductsSearchProjection extends AggregateProjection<ProductEvent, SearchView> {

    public static final String NAME = "products-search-index";

    public ProductsSearchProjection(SearchView view) {
        super(NAME, AggregateType.PRODUCT, ProductEvent.class, view);
    }

    @Override
    protected WriteOutcome apply(ProductEvent product, EventEnvelope event) {
        String id = product.productId();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        return switch (product) {
            case ProductAdded added -> {
                fields.put("productId", id)
                        .put("sku", added.sku())
                        .put("available", added.initialStock())
                        .put("reserved", 0)
                        .put("discontinued", false)
                        .put("addedAt", event.time().toString());
                details(fields, added.name(), added.description(), added.category());
                price(fields, added.price());
                yield view.create(id, event, withInStock(fields));
            }
            case ProductDetailsChanged details ->
                    merge(id, event, details(fields, details.name(), details.description(), details.category()));
            case ProductPriceChanged price -> merge(id, event, price(fields, price.price()));
            case ProductRestocked restocked -> merge(id, event, fields.put("available", restocked.available()));
            case StockReserved reserved -> merge(id, event, fields
                    .put("available", reserved.available())
                    .put("reserved", reserved.reserved()));
            case StockReleased released -> merge(id, event, fields
                    .put("available", released.available())
                    .put("reserved", released.reserved()));
            case StockShipped shipped -> merge(id, event, fields.put("reserved", shipped.reserved()));
            // Changes no stock, but the index must pass the version for the events after it to apply.
            case StockReservationRefused ignored -> merge(id, event, fields);
            case ProductDiscontinued ignored -> merge(id, event, fields.put("discontinued", true));
        };
    }

    /** Sets {@code fields} and derives {@code inStock} again, from the stored and the new fields. */
    private WriteOutcome merge(String id, EventEnvelope event, ObjectNode fields) {
        return view.update(id, event, document -> withInStock(document.setAll(fields)));
    }

    private static ObjectNode details(ObjectNode document, String name, String description, String category) {
        document.put("name", name)
                .put("description", description)
                .put("category", category)
                .putObject("suggest")
                .set("input", JsonNodeFactory.instance.arrayNode().addAll(
                        ProductSuggestions.inputs(name).stream().map(JsonNodeFactory.instance::textNode).toList()));
        return document;
    }

    private static ObjectNode price(ObjectNode document, Money price) {
        return document.put("price", approximateAmount(price)).put("currency", price.currency());
    }

    private static ObjectNode withInStock(ObjectNode document) {
        return document.put("inStock",
                document.path("available").asInt() > 0 && !document.path("discontinued").asBoolean());
    }
}
