package io.tributary.query.product;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.AggregateType;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.http.ComputedAnswer;
import io.tributary.query.view.SearchViews;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Autocomplete from the completion field of the {@code products} alias (inputs: the name and each of its
 * words), so "sta" finds "Standing Desk" and "Laptop Stand". One suggestion per product.
 */
@Component
class ProductSuggestions {

    private static final int SIZE = 10;

    private final SearchViews search;

    ProductSuggestions(SearchViews search) {
        this.search = search;
    }

    Suggestions suggest(String prefix, ConsistencyTokens tokens) {
        search.awaitTokens(ProductSearch.ALIAS, AggregateType.PRODUCT, tokens);
        SearchResponse<ObjectNode> response = search.search(ProductSearch.ALIAS, request -> request
                .size(0)
                .source(source -> source.filter(filter -> filter.includes("name")))
                .suggest(suggest -> suggest.suggesters("names", suggester -> suggester
                        .prefix(prefix)
                        // Several inputs of one product can match; ask for more, keep one per product.
                        .completion(completion -> completion.field("suggest").size(SIZE * 3).skipDuplicates(true)))),
                ObjectNode.class);
        Map<String, Suggestion> byProduct = new LinkedHashMap<>();
        if (response.suggest() != null && response.suggest().get("names") != null) {
            response.suggest().get("names").stream()
                    .flatMap(suggestion -> suggestion.completion().options().stream())
                    .forEach(option -> byProduct.putIfAbsent(option.id(), toSuggestion(option)));
        }
        return new Suggestions(byProduct.values().stream().limit(SIZE).toList());
    }

    private static Suggestion toSuggestion(CompletionSuggestOption<ObjectNode> option) {
        ObjectNode source = option.source();
        String name = source != null && source.hasNonNull("name") ? source.get("name").asText() : option.text();
        return new Suggestion(option.id(), name);
    }

    record Suggestions(List<Suggestion> suggestions) implements ComputedAnswer {
    }

    record Suggestion(String productId, String name) {
    }
}
