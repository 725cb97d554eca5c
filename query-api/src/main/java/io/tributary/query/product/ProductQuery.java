package io.tributary.query.product;

import io.tributary.query.http.Cursor;
import io.tributary.query.http.Parameters;

import java.math.BigDecimal;

/**
 * A validated product search. Every field but {@code currency}, {@code sort} and {@code limit} is optional.
 *
 * @param text     free text matched against name, description and SKU
 * @param currency the currency of {@code minPrice}, {@code maxPrice} and the price-range facet: prices are only
 *                 compared within one currency, so products priced in another are neither filtered in nor counted
 */
record ProductQuery(String text, String category, BigDecimal minPrice, BigDecimal maxPrice, String currency,
                    Boolean inStock, ProductSort sort, int limit, Cursor cursor) {

    private static final int MAX_TEXT = 200;
    private static final int MAX_CATEGORY = 100;

    static ProductQuery of(String text, String category, String minPrice, String maxPrice, String currency,
                           String inStock, String sort, String limit, String cursor, String defaultCurrency) {
        BigDecimal min = Parameters.optionalAmount("minPrice", minPrice);
        BigDecimal max = Parameters.optionalAmount("maxPrice", maxPrice);
        Parameters.requireOrdered("maxPrice", min, max, "must not be below minPrice");
        return new ProductQuery(Parameters.optionalText("q", text, MAX_TEXT),
                Parameters.optionalText("category", category, MAX_CATEGORY), min, max,
                Parameters.currency("currency", currency, defaultCurrency), Parameters.optionalBoolean("inStock", inStock), ProductSort.fromParameter(sort), Parameters.limit(limit),
                Cursor.decodeOptional(cursor, 3));
    }
}
