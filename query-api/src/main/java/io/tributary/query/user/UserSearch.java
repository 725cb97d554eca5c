package io.tributary.query.user;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.query.http.StoreUnavailableException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Full-text search over the {@code users} alias. The client's text is only ever a match query's value, so
 * query syntax in it ({@code *:*}, {@code OR}, JSON) is searched for as words, never interpreted.
 */
@Component
class UserSearch {

    static final String ALIAS = "users";

    private final ElasticsearchClient client;

    UserSearch(ElasticsearchClient client) {
        this.client = client;
    }

    UserSearchResult search(String text, int limit) {
        try {
            SearchResponse<ObjectNode> response = client.search(search -> search
                    .index(ALIAS)
                    .size(limit)
                    .version(true)
                    .trackTotalHits(total -> total.enabled(true))
                    .query(query -> query.multiMatch(match -> match
                            .query(text)
                            .fields("name", "email")
                            .fuzziness("AUTO"))), ObjectNode.class);
            List<UserView> items = response.hits().hits().stream().map(UserSearch::toView).toList();
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new UserSearchResult(items, total);
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                return new UserSearchResult(List.of(), 0);
            }
            throw new StoreUnavailableException("Elasticsearch", e);
        } catch (IOException e) {
            throw new StoreUnavailableException("Elasticsearch", e);
        }
    }

    /**
     * The version searches see now (= aggregate version, by external versioning); 0 when not searchable yet.
     * Asked through a search rather than a get: a get sees a write at once, a search only after the index
     * refreshed, and read-your-writes must wait for what the client will actually query.
     */
    long searchableVersionOf(String id) {
        try {
            SearchResponse<Void> response = client.search(search -> search
                    .index(ALIAS)
                    .size(1)
                    .version(true)
                    .source(source -> source.fetch(false))
                    .query(query -> query.ids(ids -> ids.values(id))), Void.class);
            return response.hits().hits().stream()
                    .map(Hit::version)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(0L);
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                return 0;
            }
            throw new StoreUnavailableException("Elasticsearch", e);
        } catch (IOException e) {
            throw new StoreUnavailableException("Elasticsearch", e);
        }
    }

    private static boolean isMissingIndex(ElasticsearchException e) {
        return e.status() == 404;
    }

    private static UserView toView(Hit<ObjectNode> hit) {
        ObjectNode source = hit.source();
        return new UserView(hit.id(), text(source, "name"), text(source, "email"), null, null,
                instant(text(source, "registeredAt")), instant(text(source, "deactivatedAt")),
                hit.version() == null ? 0 : hit.version());
    }

    private static String text(ObjectNode source, String field) {
        return source != null && source.hasNonNull(field) ? source.get(field).asText() : null;
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    record UserSearchResult(List<UserView> items, long total) {
    }
}
