package io.tributary.projections.check;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The documents of an Elasticsearch index, ordered by the keyword field holding the aggregate id, page by page. */
final class SearchSnapshots implements Iterator<Snapshot> {

    private static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final String index;
    private final String idField;
    private final Deque<Snapshot> page = new ArrayDeque<>();
    private String lastId;
    private boolean exhausted;

    SearchSnapshots(ElasticsearchClient client, String index, String idField) {
        this.client = client;
        this.index = index;
        this.idField = idField;
    }

    @Override
    public boolean hasNext() {
        if (page.isEmpty() && !exhausted) {
            fetch();
        }
        return !page.isEmpty();
    }

    @Override
    public Snapshot next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.removeFirst();
    }

    private void fetch() {
        try {
            SearchResponse<ObjectNode> response = client.search(search -> {
                search.index(index).size(PAGE).version(true)
                        .sort(sort -> sort.field(field -> field.field(idField).order(SortOrder.Asc)));
                if (lastId != null) {
                    search.searchAfter(List.of(FieldValue.of(lastId)));
                }
                return search;
            }, ObjectNode.class);
            List<Hit<ObjectNode>> hits = response.hits().hits();
            hits.forEach(hit -> page.add(new Snapshot(hit.id(), hit.version() == null ? 0 : hit.version(), hit.source())));
            exhausted = hits.size() < PAGE;
            if (!hits.isEmpty()) {
                lastId = hits.getLast().id();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
