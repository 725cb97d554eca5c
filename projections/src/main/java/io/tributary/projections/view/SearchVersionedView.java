package io.tributary.projections.view;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.tributary.projections.AggregateProjection;

/** An Elasticsearch view's versions: indices {@code <name>_v<n>}; readers follow the alias {@code <name>}. */
public final class SearchVersionedView extends VersionedView {

    private final SearchViewDefinition definition;
    private final ElasticsearchClient client;
    private final SearchIndexInitializer indices;

    public SearchVersionedView(SearchViewDefinition definition, ElasticsearchClient client,
                               SearchIndexInitializer indices) {
        super(definition.initial());
        this.definition = definition;
        this.client = client;
        this.indices = indices;
    }

    @Override
    public String store() {
        return "elasticsearch";
    }

    /** The keyword field holding the aggregate id, for scans in id order. */
    public String idField() {
        return definition.idField();
    }

    @Override
    public AggregateProjection<?, ?> projectionOf(ViewVersion version) {
        return definition.projection().apply(new SearchView(version, definition.indexDefinition(), client, indices));
    }

    @Override
    public void create(int version) {
        projection(version).view().ensureReady();
    }

    @Override
    public void pointReadersAt(int version) {
        indices.pointAlias(version(version));
    }

    @Override
    public void pointReadersIfUnset(int version) {
        indices.aliasIfAbsent(version(version));
    }

    @Override
    void dropStored(ViewVersion version) {
        indices.delete(version);
    }

    @Override
    public void bulkLoading(int version, boolean loading) {
        indices.refreshInterval(version(version), loading ? "-1" : null);
    }
}
