package io.tributary.query.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.query.http.ComputedAnswer;

import java.util.List;
import java.util.Map;

/** A page of a product search with its facets; {@code nextCursor} is absent on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProductSearchResult(List<Item> items, long total, Facets facets, String nextCursor) implements ComputedAnswer {

    /** A product with the matched passages of its name and description, HTML-escaped, matches in {@code <em>}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(@JsonUnwrapped ProductView product, Map<String, List<String>> highlights) {
    }

    /** @param currency the currency the price ranges count in: products priced in another are not counted */
    record Facets(List<CategoryCount> categories, String currency, List<PriceRangeCount> priceRanges) {
    }

    record CategoryCount(String category, long count) {
    }

    /** {@code from} inclusive, {@code to} exclusive; either is absent for an open end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PriceRangeCount(Double from, Double to, long count) {
    }
}
