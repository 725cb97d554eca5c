package io.tributary.query.view;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import io.tributary.events.AggregateType;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.consistency.ConsistencyWait;
import io.tributary.query.resilience.StoreGuard;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.function.Function;

/**
 * Searches over the Elasticsearch aliases, through the {@code elasticsearch} store guard. An alias the
 * projections have not created yet is an empty result, not an error. The client is asynchronous: a search waits for
 * its own future, where the blocking client would run on a thread of its own for the guard's time limit and wait on
 * a monitor its I/O thread notifies.
 */
@Component
public class SearchViews {

    private final ElasticsearchAsyncClient client;
    private final ConsistencyWait consistency;
    private final StoreGuard elasticsearchGuard;

    SearchViews(ElasticsearchAsyncClient client, ConsistencyWait consistency, StoreGuard elasticsearchGuard) {
        this.client = client;
        this.consistency = consistency;
        this.elasticsearchGuard = elasticsearchGuard;
    }

    public <T> SearchResponse<T> search(String alias, Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request,
                                        Class<T> documentType) {
        SearchRequest search = SearchRequest.of(builder -> request.apply(builder
                .index(alias)
                .ignoreUnavailable(true)
                .allowNoIndices(true)));
        return elasticsearchGuard.await(() -> client.search(search, documentType));
    }

    /** How many documents match in all (the searches here always count them exactly). */
    public static long totalOf(SearchResponse<?> response) {
        return response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
    }

    /** Waits until searches over the alias see the version of every token of its aggregate type. */
    public void awaitTokens(String alias, AggregateType type, ConsistencyTokens tokens) {
        consistency.await(tokens, type, id -> searchableVersionOf(alias, id));
    }

    /**
     * The version searches see now (= aggregate version, by external versioning); 0 when not searchable yet.
     * Asked through a search rather than a get: a get sees a write at once, a search only after the index
     * refreshed, and read-your-writes must wait for what the client will actually query.
     */
    private long searchableVersionOf(String alias, String id) {
        SearchResponse<Void> response = search(alias, search -> search
                .size(1)
                .version(true)
                .source(source -> source.fetch(false))
                .query(query -> query.ids(ids -> ids.values(id))), Void.class);
        return response.hits().hits().stream()
                .map(Hit::version)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(0L);
    }
}
