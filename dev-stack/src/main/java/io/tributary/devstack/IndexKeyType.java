package io.tributary.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key type of the Mongo-protocol server's unique indices (such as {@code _id}), in the same order and stored the
 * same way as H2's own object type, but fast. H2 orders keys it does not know, such as the library's
 * {@link KeyValue}, by their Java-serialized bytes, and serializes both keys again for every comparison of every
 * search: that was most of the server's time under bulk writes. This type computes the bytes of a key of strings once
 * and keeps them for the most recently used keys; the order, and so every existing file, stays as it was.
 */
final class IndexKeyType extends ObjectDataType {

    private static final int CACHED_KEYS = 200_000;

    private final Map<KeyValue, byte[]> serialized = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyValue, byte[]> eldest) {
            return size() > CACHED_KEYS;
        }
    };

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            return a == b ? 0 : compareNotNull(bytes(first), bytes(second));
        }
        return super.compare(a, b);
    }

    /**
     * The key's serialized form. Only keys of strings are cached: equal strings serialize equally, whereas keys the
     * library deems equal across number types (1 and 1L) do not.
     */
    private byte[] bytes(KeyValue key) {
        if (!key.stream().allMatch(String.class::isInstance)) {
            return serialize(key);
        }
        synchronized (serialized) {
            byte[] cached = serialized.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] computed = serialize(key);
        synchronized (serialized) {
            serialized.put(key, computed);
        }
        return computed;
    }
}
