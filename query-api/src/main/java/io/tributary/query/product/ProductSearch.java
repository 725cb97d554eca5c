package io.tributary.query.product;

import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import io.tributary.events.AggregateType;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.product.ProductSearchResult.CategoryCount;
import io.tributary.query.product.ProductSearchResult.Facets;
import io.tributary.query.product.ProductSearchResult.Item;
import io.tributary.query.product.ProductSearchResult.PriceRangeCount;
import io.tributary.query.view.DocumentViews;
import io.tributary.query.view.SearchViews;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Product search over the {@code products} alias: matching, filters, facets and highlights come from
 * Elasticsearch, the products themselves from the MongoDB view, which keeps prices exact (the index holds
 * them as doubles for ranges only). A hit the MongoDB view does not hold yet is left out of its page.
 */
@Component
class ProductSearch {

    static final String ALIAS = "products";

    private static final int CATEGORY_FACETS = 50;
    private static final String FACET = "counts";
    private static final double[] PRICE_BOUNDS = {25, 50, 100, 250};
    private static final List<String> TEXT_FIELDS = List.of("name^3", "description", "sku");
    private static final int TYPO_EXPANSIONS = 20;

    private final SearchViews search;
    private final DocumentViews views;

    ProductSearch(SearchViews search, DocumentViews views) {
        this.search = search;
        this.views = views;
    }

    ProductSearchResult search(ProductQuery query, ConsistencyTokens tokens) {
        search.awaitTokens(ALIAS, AggregateType.PRODUCT, tokens);
        SearchResponse<Void> response = search.search(ALIAS, request -> {
            request.size(query.limit())
                    .source(source -> source.fetch(false))
                    .trackTotalHits(total -> total.enabled(true))
                    .query(matching(query))
                    .postFilter(selected(categoryFilter(query), priceFilter(query)))
                    .sort(query.sort().sortOptions())
                    .highlight(highlight -> {
                        // Highlighting a fuzzy query costs ten times the search itself, however few words it may
                        // stand for: passages are marked with the words as typed (a misspelt word still finds its
                        // products, unmarked).
                        if (query.text() != null) {
                            highlight.highlightQuery(exactly(query.text()));
                        }
                        return highlight
                            .encoder(HighlighterEncoder.Html)
                            .fields("name", field -> field.numberOfFragments(0))
                            .fields("description", field -> field.fragmentSize(150).numberOfFragments(2));
                    })
                    // Each facet counts under every selection but its own, so the other categories (price ranges)
                    // stay visible, with their counts, once one is chosen.
                    .aggregations("categories", aggregation -> aggregation
                            .filter(selected(priceFilter(query)))
                            .aggregations(FACET, terms -> terms.terms(t -> t.field("category").size(CATEGORY_FACETS))))
                    .aggregations("prices", aggregation -> aggregation
                            .filter(selected(categoryFilter(query), Optional.of(inCurrency(query))))
                            .aggregations(FACET, range -> range.range(r -> r.field("price").ranges(priceRanges()))));
            if (query.cursor() != null) {
                request.searchAfter(query.sort().searchAfter(query.cursor()));
            }
            return request;
        }, Void.class);

        List<Hit<Void>> hits = response.hits().hits();
        Map<String, ProductView> products = views.findAll(ProductView.VIEW, hits.stream().map(Hit::id).toList(), tokens);
        List<Item> items = new ArrayList<>();
        for (Hit<Void> hit : hits) {
            ProductView product = products.get(hit.id());
            if (product != null) {
                items.add(new Item(product, hit.highlight()));
            }
        }
        String nextCursor = hits.size() == query.limit() ? query.sort().cursorAfter(hits.getLast().sort()) : null;
        return new ProductSearchResult(items, SearchViews.totalOf(response), facets(response, query.currency()),
                nextCursor);
    }

    /**
     * What the hits and every facet share: the text and the stock filter. Client text only ever becomes a match
     * query's value; filters are terms and ranges of typed values.
     */
    private static Query matching(ProductQuery query) {
        return Query.of(q -> q.bool(bool -> {
            if (query.text() != null) {
                bool.must(tolerant(query.text()));
            }
            if (query.inStock() != null) {
                bool.filter(filter -> filter.term(term -> term.field("inStock").value(query.inStock())));
            }
            return bool;
        }));
    }

    /**
     * The text over name (boosted), description and SKU, tolerant of typos: {@code AUTO} edits per word, but a
     * word's first letter must be right and it stands for at most {@value #TYPO_EXPANSIONS} indexed words, which
     * keeps a misspelt word from being compared with every term of the index.
     */
    private static Query tolerant(String text) {
        return Query.of(q -> q.multiMatch(match -> match
                .query(text)
                .fields(TEXT_FIELDS)
                .fuzziness("AUTO")
                .prefixLength(1)
                .maxExpansions(TYPO_EXPANSIONS)));
    }

    private static Query exactly(String text) {
        return Query.of(q -> q.multiMatch(match -> match.query(text).fields(TEXT_FIELDS)));
    }

    private static Optional<Query> categoryFilter(ProductQuery query) {
        return Optional.ofNullable(query.category())
                .map(category -> Query.of(q -> q.term(term -> term.field("category").value(category))));
    }

    /** A price range, within the query's currency: amounts in different currencies are never compared. */
    private static Optional<Query> priceFilter(ProductQuery query) {
        if (query.minPrice() == null && query.maxPrice() == null) {
            return Optional.empty();
        }
        Query range = Query.of(q -> q.range(r -> r.number(price -> {
            price.field("price");
            if (query.minPrice() != null) {
                price.gte(query.minPrice().doubleValue());
            }
            if (query.maxPrice() != null) {
                price.lte(query.maxPrice().doubleValue());
            }
            return price;
        })));
        return Optional.of(Query.of(q -> q.bool(bool -> bool.filter(inCurrency(query), range))));
    }

    private static Query inCurrency(ProductQuery query) {
        return Query.of(q -> q.term(term -> term.field("currency").value(query.currency())));
    }

    /** All the given filters; matches everything when none is given. */
    @SafeVarargs
    private static Query selected(Optional<Query>... filters) {
        List<Query> present = Arrays.stream(filters).flatMap(Optional::stream).toList();
        return Query.of(q -> present.isEmpty() ? q.matchAll(all -> all) : q.bool(bool -> bool.filter(present)));
    }

    private static List<AggregationRange> priceRanges() {
        List<AggregationRange> ranges = new ArrayList<>();
        ranges.add(AggregationRange.of(range -> range.to(PRICE_BOUNDS[0])));
        for (int i = 1; i < PRICE_BOUNDS.length; i++) {
            double from = PRICE_BOUNDS[i - 1];
            double to = PRICE_BOUNDS[i];
            ranges.add(AggregationRange.of(range -> range.from(from).to(to)));
        }
        ranges.add(AggregationRange.of(range -> range.from(PRICE_BOUNDS[PRICE_BOUNDS.length - 1])));
        return ranges;
    }

    private static Facets facets(SearchResponse<Void> response, String currency) {
        if (response.aggregations() == null || !response.aggregations().containsKey("categories")) {
            return new Facets(List.of(), currency, List.of());
        }
        List<CategoryCount> categories = response.aggregations().get("categories").filter().aggregations().get(FACET)
                .sterms().buckets().array().stream()
                .map(bucket -> new CategoryCount(bucket.key().stringValue(), bucket.docCount()))
                .toList();
        List<PriceRangeCount> prices = response.aggregations().get("prices").filter().aggregations().get(FACET)
                .range().buckets().array().stream()
                .map(bucket -> new PriceRangeCount(bucket.from(), bucket.to(), bucket.docCount()))
                .toList();
        return new Facets(categories, currency, prices);
    }
}
