package io.tributary.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A secondary (non-unique) index of the local Mongo-protocol server, which has none of its own: mongo-java-server
 * accepts such an index and ignores it, so a view's {@code find({userId: x})} read and decoded every document of the
 * collection, under the collection's lock, and one user's orders cost as much as a scan of all orders.
 *
 * <p>This index serves a filter that requires its first key to equal a string (held there, or in an array there), at the top level or as a clause of a
 * top-level {@code $and}: it narrows the documents to those holding that string there, and the library matches the
 * whole filter, and sorts, on those alone. Any other filter is served as before. It lives in memory: the library fills
 * it from the collection whenever it is opened, and keeps it current on every insert, update and delete.
 *
 * @param <P> a document's position in its collection
 */
final class StringEqualityIndex<P> extends Index<P> {

    private final String field;
    private final Map<String, Set<P>> positions = new ConcurrentHashMap<>();
    private final AtomicLong entries = new AtomicLong();

    /** Sparse: a document without a string at the first key is not in it, as the library allows of sparse ones. */
    StringEqualityIndex(String name, List<IndexKey> keys) {
        super(name, keys, true);
        this.field = keys.getFirst().getKey();
    }

    @Override
    public boolean canHandle(Document query) {
        return requiredValue(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        Set<P> found = positions.get(requiredValue(query));
        // A copy: the caller reads the documents after the collection may have changed the set.
        return found == null ? List.of() : List.copyOf(found);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        for (String value : valuesOf(document)) {
            if (positions.computeIfAbsent(value, key -> ConcurrentHashMap.newKeySet()).add(position)) {
                entries.incrementAndGet();
            }
        }
    }

    /** @return null: the position is the unique index's to answer */
    @Override
    public P remove(Document document) {
        P position = positionOf(document);
        if (position != null) {
            valuesOf(document).forEach(value -> remove(value, position));
        }
        return null;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        Set<String> before = valuesOf(oldDocument);
        if (!before.equals(valuesOf(newDocument))) {
            before.forEach(value -> remove(value, position));
            add(newDocument, position, collection);
        }
    }

    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Not unique: any document may be added.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // Not unique: any change may be made.
    }

    @Override
    public long getCount() {
        return entries.get();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        positions.clear();
        entries.set(0);
    }

    private void remove(String value, P position) {
        Set<P> atValue = positions.get(value);
        if (atValue != null && atValue.remove(position)) {
            entries.decrementAndGet();
            if (atValue.isEmpty()) {
                positions.remove(value, atValue);
            }
        }
    }

    /** The strings a filter's equality on the field matches the document by: its value, or an array's strings. */
    private Set<String> valuesOf(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        if (value instanceof String string) {
            return Set.of(string);
        }
        if (value instanceof Collection<?> values) {
            Set<String> strings = new HashSet<>();
            values.forEach(element -> {
                if (element instanceof String string) {
                    strings.add(string);
                }
            });
            return strings;
        }
        return Set.of();
    }

    /** The H2 backend's position of a document is its {@code _id}. */
    @SuppressWarnings("unchecked")
    private static <P> P positionOf(Document document) {
        return (P) document.get("_id");
    }

    /** The string the query requires the first key to equal, or null. */
    private String requiredValue(Document query) {
        return (String) RequiredEquality.of(query, field, value -> value instanceof String);
    }
}
