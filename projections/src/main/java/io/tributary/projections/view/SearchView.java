package io.tributary.projections.view;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.projections.envelope.EventEnvelope;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * One version of an Elasticsearch view: an index behind the view's alias, one document per aggregate with its
 * aggregate {@code version}. Writes follow the sequence rule (event <i>n</i> onto version <i>n</i> − 1) and use
 * external versioning, the aggregate version being the document version, so Elasticsearch itself refuses a
 * write that is not newer than what the index holds (a 409, which here means "already applied"). Within
 * {@link #applyAll} the same writes go to a {@link SearchBatch} instead: one {@code _mget} and one {@code _bulk} for
 * the whole run of events.
 */
public class SearchView extends BatchingView<SearchBatch, ObjectNode> {

    static final String VERSION = "version";

    private final ViewVersion version;
    private final String definitionResource;
    private final ElasticsearchClient client;
    private final SearchIndexInitializer initializer;
    /** The batch {@link #applyAll} runs on this thread; the projection's writes go there while it is open. */
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
            initializer.ensureIndex(version, definitionResource);
            ready = true;
        }
    }

    @Override
    SearchBatch newBatch() {
        return new SearchBatch(version, client);
    }

    /**
     * Writes {@code document} plus the event's version as the document {@code id}, for the aggregate's first
     * event; if the index holds the document already, it has the event already.
     */
    public WriteOutcome create(String id, EventEnvelope event, ObjectNode document) {
        SequenceRule.requireFirst(event);
        SearchBatch batch = openBatch();
        if (batch != null) {
            return batch.create(id, event, () -> document.deepCopy().put(VERSION, event.aggregateVersion()));
        }
        ensureReady();
        return write(id, event, document.deepCopy().put(VERSION, event.aggregateVersion()));
    }

    /** {@link #update} that sets {@code fields}. */
    public WriteOutcome merge(String id, EventEnvelope event, ObjectNode fields) {
        return update(id, event, document -> document.setAll(fields));
    }

    /**
     * Writes {@code change} of the stored document {@code id} plus the event's version if the index holds it at
     * the version before the event. The read and the write need no lock: should another writer get in between,
     * the external version refuses our write.
     *
     * @param change gets a copy of the stored document, returns the new one
     * @throws EventGapException if the index holds the document at an older version, or not at all
     */
    public WriteOutcome update(String id, EventEnvelope event, UnaryOperator<ObjectNode> change) {
        SequenceRule.requireFollowing(event);
        SearchBatch batch = openBatch();
        if (batch != null) {
            return batch.update(id, event,
                    stored -> change.apply(stored.deepCopy()).put(VERSION, event.aggregateVersion()));
        }
        ensureReady();
        GetResponse<ObjectNode> stored;
        try {
            stored = client.get(get -> get.index(version.physicalName()).id(id), ObjectNode.class);
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "read " + id + " in " + version);
        }
        long storedVersion = stored.found() && stored.version() != null ? stored.version() : 0;
        if (!SequenceRule.follows(event, storedVersion)) {
            return SequenceRule.notFollowing(version, id, event, storedVersion);
        }
        return write(id, event, change.apply(stored.source().deepCopy()).put(VERSION, event.aggregateVersion()));
    }

    private WriteOutcome write(String id, EventEnvelope event, ObjectNode document) {
        try {
            client.index(index -> index
                    .index(version.physicalName())
                    .id(id)
                    .versionType(VersionType.External)
                    .version(event.aggregateVersion())
                    .document(document));
            return WriteOutcome.APPLIED;
        } catch (IOException | ElasticsearchException e) {
            if (SearchFailures.isVersionConflict(e)) {
                return WriteOutcome.ALREADY_APPLIED;
            }
            throw SearchFailures.translate(e, "index " + id + " in " + version);
        }
    }
}
