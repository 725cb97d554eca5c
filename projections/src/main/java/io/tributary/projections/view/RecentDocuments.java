package io.tributary.projections.view;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents a view object wrote last, as written, so that a writer that is (nearly) alone on a view version,
 * such as a rebuild filling it, reads them from memory rather than from the store. A document changed meanwhile by
 * another writer is no danger: the version-guarded write catches it, and the document is read again.
 *
 * @param <D> the stored form of a document, never changed once written (the projections make new ones)
 */
final class RecentDocuments<D> {

    private final Map<String, DocumentBatch.Stored<D>> documents;

    RecentDocuments(int capacity) {
        this.documents = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DocumentBatch.Stored<D>> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized DocumentBatch.Stored<D> get(String id) {
        return documents.get(id);
    }

    synchronized void written(String id, D document, long version) {
        documents.put(id, new DocumentBatch.Stored<>(document, version));
    }

    synchronized void forget(String id) {
        documents.remove(id);
    }
}
