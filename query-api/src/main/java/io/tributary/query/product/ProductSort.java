package io.tributary.query.product;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import io.tributary.query.http.Cursor;
import io.tributary.query.http.InvalidParameterException;

import java.util.List;

/**
 * The orders a product search can have. Each ends with {@code productId}, so the order is total and
 * {@code search_after} never skips or repeats a product between pages.
 */
enum ProductSort {
    RELEVANCE("relevance", "_score", SortOrder.Desc),
    PRICE("price", "price", SortOrder.Asc),
    PRICE_DESCENDING("-price", "price", SortOrder.Desc),
    NEWEST("newest", "addedAt", SortOrder.Desc),
    NAME("name", "name.keyword", SortOrder.Asc);

    private static final String TIE_BREAK = "productId";

    private final String parameter;
    private final String field;
    private final SortOrder order;

    ProductSort(String parameter, String field, SortOrder order) {
        this.parameter = parameter;
        this.field = field;
        this.order = order;
    }

    static ProductSort fromParameter(String value) {
        if (value == null || value.isEmpty()) {
            return RELEVANCE;
        }
        for (ProductSort sort : values()) {
            if (sort.parameter.equals(value.strip())) {
                return sort;
            }
        }
        throw new InvalidParameterException("sort",
                "must be one of relevance, price, -price, newest, name");
    }

    List<SortOptions> sortOptions() {
        SortOptions primary = field.equals("_score")
                ? SortOptions.of(sort -> sort.score(score -> score.order(order)))
                : SortOptions.of(sort -> sort.field(f -> f.field(field).order(order)));
        return List.of(primary, SortOptions.of(sort -> sort.field(f -> f.field(TIE_BREAK).order(SortOrder.Asc))));
    }

    /** The cursor after a hit: this sort's name, the hit's primary sort value, its id. */
    String cursorAfter(List<FieldValue> sortValues) {
        FieldValue primary = sortValues.getFirst();
        Object value = switch (this) {
            case NAME -> primary.stringValue();
            case NEWEST -> primary.longValue();
            default -> primary.doubleValue();
        };
        return Cursor.encode(List.of(parameter, value, sortValues.get(1).stringValue()));
    }

    /** The {@code search_after} values of a cursor made by this sort; any other cursor is invalid. */
    List<FieldValue> searchAfter(Cursor cursor) {
        if (!cursor.text(0).equals(parameter)) {
            throw new InvalidParameterException(Cursor.PARAMETER,
                    "belongs to another sort; start again without a cursor");
        }
        FieldValue primary = switch (this) {
            case NAME -> FieldValue.of(cursor.text(1));
            case NEWEST -> FieldValue.of(cursor.whole(1));
            default -> FieldValue.of(cursor.decimal(1));
        };
        return List.of(primary, FieldValue.of(cursor.text(2)));
    }
}
