package io.tributary.projections.check;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The documents of an Elasticsearch view version: pages ordered by the keyword field holding the aggregate id
 * ({@code search_after}), and lookups with {@code _mget}.
 */
final class SearchSnapshots implements DocumentSource {

    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final String index;
    private final String idField;

    SearchSnapshots(ElasticsearchClient client, String index, String idField) {
        this.client = client;
        this.index = index;
        this.idField = idField;
    }

    @Override
    public Iterator<List<Snapshot>> batches() {
        return new Iterator<>() {
            private List<Snapshot> page = fetch(null);

            @Override
            public boolean hasNext() {
                return !page.isEmpty();
            }

            @Override
            public List<Snapshot> next() {
                if (page.isEmpty()) {
                    throw new NoSuchElementException();
                }
                List<Snapshot> current = page;
                page = current.size() < PAGE ? List.of() : fetch(current.getLast().id());
                return current;
            }
        };
    }

    @Override
    public Map<String, Snapshot> find(Collection<String> ids) {
        Map<String, Snapshot> found = new HashMap<>();
        try {
            for (MultiGetResponseItem<ObjectNode> item : client.mget(mget -> mget.index(index).ids(List.copyOf(ids)),
                    ObjectNode.class).docs()) {
                GetResult<ObjectNode> document = item.result();
                if (document != null && document.found()) {
                    found.put(document.id(), new Snapshot(document.id(),
                            document.version() == null ? 0 : document.version(), document.source()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Override
    public long count() {
        try {
            return client.count(count -> count.index(index)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Snapshot> fetch(String afterId) {
        try {
            SearchResponse<ObjectNode> response = client.search(search -> {
                search.index(index).size(PAGE).version(true)
                        .sort(sort -> sort.field(field -> field.field(idField).order(SortOrder.Asc)));
                if (afterId != null) {
                    search.searchAfter(List.of(FieldValue.of(afterId)));
                }
                return search;
            }, ObjectNode.class);
            return response.hits().hits().stream()
                    .map(SearchSnapshots::snapshot)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Snapshot snapshot(Hit<ObjectNode> hit) {
        return new Snapshot(hit.id(), hit.version() == null ? 0 : hit.version(), hit.source());
    }
}
