package io.tributary.projections.view;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link DocumentBatch} on an Elasticsearch index: read with one {@code _mget}, written with one {@code _bulk}
 * of index operations under external versioning, the document's aggregate version being its version. Elasticsearch
 * itself refuses a write that is not newer than what the index holds (409: the index has the events already), so
 * the read needs no lock and nothing conflicts: a concurrent writer that got in between wrote the same events.
 * <p>
 * A document that only its first event made, and that the index did not have, is written with a create operation
 * instead, which the index refuses if it has the document after all (409: a conflict, the next pass reads it). So the
 * first event of an aggregate needs no read, which in a catch-up is most of them. Its version is then the index's own
 * count of writes, 1 as its aggregate version, since the views never delete a document.
 */
final class SearchBatch extends DocumentBatch<ObjectNode> {

    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;

    private final ElasticsearchClient client;

    SearchBatch(ViewVersion view, ElasticsearchClient client) {
        super(view);
        this.client = client;
    }

    /** Only at version 1: a create operation cannot carry an external version. */
    @Override
    boolean writeRefusesExisting(long version) {
        return version == 1;
    }

    @Override
    Map<String, Stored<ObjectNode>> read(Collection<String> ids) {
        MgetResponse<ObjectNode> response;
        try {
            response = client.mget(mget -> mget.index(view.physicalName()).ids(List.copyOf(ids)), ObjectNode.class);
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "read " + ids.size() + " documents of " + view);
        }
        Map<String, Stored<ObjectNode>> stored = new HashMap<>();
        for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
            if (item.isFailure()) {
                throw new IllegalStateException("Elasticsearch could not read " + item.failure().id() + " in " + view
                        + ": " + item.failure().error().reason());
            }
            GetResult<ObjectNode> document = item.result();
            if (document.found() && document.version() != null) {
                stored.put(document.id(), new Stored<>(document.source(), document.version()));
            }
        }
        return stored;
    }

    @Override
    boolean overwrite(Entry<ObjectNode> entry) {
        try {
            client.index(index -> index.index(view.physicalName()).id(entry.id)
                    .versionType(VersionType.ExternalGte).version(entry.version).document(entry.document));
            return true;
        } catch (IOException | ElasticsearchException e) {
            if (SearchFailures.isVersionConflict(e)) {
                return false;
            }
            throw SearchFailures.translate(e, "replace " + entry.id + " in " + view);
        }
    }

    @Override
    Written write(List<Entry<ObjectNode>> changed) {
        List<BulkOperation> operations = new ArrayList<>(changed.size());
        for (Entry<ObjectNode> entry : changed) {
            operations.add(BulkOperation.of(operation -> creates(entry)
                    ? operation.create(create -> create.index(view.physicalName()).id(entry.id).document(entry.document))
                    : operation.index(index -> index
                    .index(view.physicalName())
                    .id(entry.id)
                    .versionType(VersionType.External)
                    .version(entry.version)
                    .document(entry.document))));
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk -> bulk.operations(operations));
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "write " + operations.size() + " documents of " + view);
        }
        Set<String> conflicted = new HashSet<>();
        Set<String> notNewer = new HashSet<>();
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            ErrorCause error = item.error();
            if (error == null) {
                continue;
            }
            String id = changed.get(i).id;
            if (item.status() == CONFLICT && creates(changed.get(i))) {
                conflicted.add(id);
            } else if (item.status() == CONFLICT) {
                notNewer.add(id);
            } else if (item.status() == TOO_MANY_REQUESTS || item.status() >= SERVER_ERROR) {
                failed.put(id, new ViewStoreUnavailableException("Elasticsearch answered " + item.status()
                        + " to the write of " + id + " in " + view + ": " + error.reason(), null));
            } else {
                failed.put(id, new IllegalStateException("Elasticsearch refused to write " + id + " in " + view
                        + " (" + item.status() + "): " + error.reason()));
            }
        }
        return new Written(conflicted, notNewer, failed);
    }

    private static boolean creates(Entry<ObjectNode> entry) {
        return entry.storedVersion == 0 && entry.version == 1;
    }
}
