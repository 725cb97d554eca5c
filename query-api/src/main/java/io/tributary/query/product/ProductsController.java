package io.tributary.query.product;

import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.http.CachedAnswers;
import io.tributary.query.http.Parameters;
import io.tributary.query.view.DocumentViews;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.time.Duration;

/** Products by id (MongoDB view), search with facets and autocomplete (Elasticsearch). */
@RestController
@RequestMapping("/api/v1/products")
class ProductsController {

    private static final int MAX_PREFIX = 100;
    /**
     * Suggestions are catalogue data, the same for everyone, and asked for on every keystroke: shared caches
     * may keep them briefly (every answer varies on Consistency-Token, so a token is never answered from a
     * cached answer without one).
     */
    private static final CacheControl SUGGESTIONS = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    private final DocumentViews views;
    private final ProductSearch search;
    private final ProductSuggestions suggestions;
    private final CachedAnswers answers;
    private final CatalogProperties catalog;

    ProductsController(DocumentViews views, ProductSearch search, ProductSuggestions suggestions, CachedAnswers answers,
                       CatalogProperties catalog) {
        this.views = views;
        this.search = search;
        this.suggestions = suggestions;
        this.answers = answers;
        this.catalog = catalog;
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductView> byId(@PathVariable String id, ConsistencyTokens tokens, WebRequest request) {
        return answers.resource(request, views.require(ProductView.VIEW, Parameters.uuid("id", id), tokens));
    }

    @GetMapping
    ResponseEntity<ProductSearchResult> search(@RequestParam(name = "q", required = false) String text,
                                               @RequestParam(required = false) String category,
                                               @RequestParam(required = false) String minPrice,
                                               @RequestParam(required = false) String maxPrice,
                                               @RequestParam(required = false) String currency,
                                               @RequestParam(required = false) String inStock,
                                               @RequestParam(required = false) String sort,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(required = false) String cursor,
                                               ConsistencyTokens tokens, WebRequest request) {
        ProductQuery query = ProductQuery.of(text, category, minPrice, maxPrice, currency, inStock, sort, limit, cursor,
                catalog.currency());
        return answers.result(request, search.search(query, tokens));
    }

    @GetMapping("/suggest")
    ResponseEntity<ProductSuggestions.Suggestions> suggest(@RequestParam(required = false) String prefix,
                                                           ConsistencyTokens tokens, WebRequest request) {
        String validPrefix = Parameters.text("prefix", prefix, MAX_PREFIX);
        return answers.result(request, suggestions.suggest(validPrefix, tokens), SUGGESTIONS);
    }
}
