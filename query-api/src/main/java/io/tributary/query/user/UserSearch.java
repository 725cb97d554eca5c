package io.tributary.query.user;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.AggregateType;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.http.Page;
import io.tributary.query.view.SearchViews;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Full-text search over the {@code users} alias. The client's text is only ever a match query's value, so
 * query syntax in it ({@code *:*}, {@code OR}, JSON) is searched for as words, never interpreted. Names are matched
 * tolerant of typos as product names are ({@code AUTO} edits per word, the first letter right, at most
 * {@value #TYPO_EXPANSIONS} indexed words per word); e-mail addresses word for word: typo tolerance over both fields
 * cost twice as much, and matching each word against the index's words within two edits is nearly all of a search.
 */
@Component
class UserSearch {

    static final String ALIAS = "users";

    private static final int TYPO_EXPANSIONS = 20;

    private final SearchViews search;

    UserSearch(SearchViews search) {
        this.search = search;
    }

    Page<UserView> search(String text, int limit, ConsistencyTokens tokens) {
        search.awaitTokens(ALIAS, AggregateType.USER, tokens);
        SearchResponse<ObjectNode> response = search.search(ALIAS, request -> request
                .size(limit)
                .version(true)
                .trackTotalHits(total -> total.enabled(true))
                .query(query -> query.bool(either -> either
                        .should(name -> name.match(match -> match
                                .field("name")
                                .query(text)
                                .fuzziness("AUTO")
                                .prefixLength(1)
                                .maxExpansions(TYPO_EXPANSIONS)))
                        .should(email -> email.match(match -> match.field("email").query(text))))),
                ObjectNode.class);
        List<UserView> items = response.hits().hits().stream().map(UserSearch::toView).toList();
        return new Page<>(items, SearchViews.totalOf(response), null);
    }

    private static UserView toView(Hit<ObjectNode> hit) {
        ObjectNode source = hit.source();
        return new UserView(hit.id(), text(source, "name"), text(source, "email"), null, null, null,
                instant(text(source, "registeredAt")), instant(text(source, "deactivatedAt")),
                hit.version() == null ? 0 : hit.version());
    }

    private static String text(ObjectNode source, String field) {
        return source != null && source.hasNonNull(field) ? source.get(field).asText() : null;
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
