package io.tributary.projections.view;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * One version of an Elasticsearch view: an index behind the view's alias, one document per aggregate.
 * Documents are written with external versioning, the aggregate version being the document version, so
 * Elasticsearch itself refuses a write that is not newer than what the index holds (a 409, which here means
 * "already applied").
 */
public class SearchView implements View {

    private final ViewVersion version;
    private final String definitionResource;
    private final ElasticsearchClient client;
    private final SearchIndexInitializer initializer;
    private volatile boolean ready;

    /** @param definitionResource classpath JSON with the index settings and mappings of this version */
    public SearchView(ViewVersion version, String definitionResource, ElasticsearchClient client,
                      SearchIndexInitializer initializer) {
        this.version = version;
        this.definitionResource = definitionResource;
        this.client = client;
        this.initializer = initializer;
    }

    @Override
    public ViewVersion version() {
        return version;
    }

    @Override
    public void ensureReady() {
        if (!ready) {
            initializer.ensureIndexAndAlias(version, definitionResource);
            ready = true;
        }
    }

    /**
     * Writes the whole document {@code id} at {@code aggregateVersion}, unless the index holds it at that or a
     * newer version.
     */
    public WriteOutcome replace(String id, long aggregateVersion, ObjectNode document) {
        ensureReady();
        try {
            client.index(index -> index
                    .index(version.physicalName())
                    .id(id)
                    .versionType(VersionType.External)
                    .version(aggregateVersion)
                    .document(document));
            return WriteOutcome.APPLIED;
        } catch (IOException | ElasticsearchException e) {
            if (SearchFailures.isVersionConflict(e)) {
                return WriteOutcome.ALREADY_APPLIED;
            }
            throw SearchFailures.translate(e, "index " + id + " in " + version);
        }
    }

    /**
     * Sets {@code fields} on the document {@code id} (creating it if absent) at {@code aggregateVersion}. The read
     * and the write need no lock: should another writer get in between, the external version refuses our write.
     */
    public WriteOutcome merge(String id, long aggregateVersion, ObjectNode fields) {
        ensureReady();
        GetResponse<ObjectNode> current;
        try {
            current = client.get(get -> get.index(version.physicalName()).id(id), ObjectNode.class);
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "read " + id + " in " + version);
        }
        if (current.found() && current.version() != null && current.version() >= aggregateVersion) {
            return WriteOutcome.ALREADY_APPLIED;
        }
        ObjectNode document = current.found() && current.source() != null
                ? current.source()
                : JsonNodeFactory.instance.objectNode();
        return replace(id, aggregateVersion, document.setAll(fields));
    }
}
