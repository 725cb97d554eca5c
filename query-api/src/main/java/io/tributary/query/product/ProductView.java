package io.tributary.query.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.events.AggregateType;
import io.tributary.query.view.DocumentView;
import io.tributary.query.view.Money;
import io.tributary.query.view.Versioned;
import org.bson.Document;

import java.time.Instant;

import static io.tributary.query.view.DocumentFields.instant;
import static io.tributary.query.view.DocumentFields.versionOf;

/** A product as read clients see it; the price exactly as the events carry it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductView(String id, String sku, String name, String description, String category, Money price,
                          int available, int reserved, boolean discontinued, Instant addedAt, Instant discontinuedAt,
                          long version) implements Versioned {

    /** The {@code products} view in MongoDB. */
    static final DocumentView<ProductView> VIEW = new DocumentView<>("products", AggregateType.PRODUCT, ProductView::from);

    private static ProductView from(Document document) {
        return new ProductView(document.getString("_id"), document.getString("sku"), document.getString("name"),
                document.getString("description"), document.getString("category"),
                Money.from(document.get("price", Document.class)), number(document, "available"),
                number(document, "reserved"), Boolean.TRUE.equals(document.getBoolean("discontinued")),
                instant(document, "addedAt"), instant(document, "discontinuedAt"), versionOf(document));
    }

    private static int number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.intValue();
    }
}
