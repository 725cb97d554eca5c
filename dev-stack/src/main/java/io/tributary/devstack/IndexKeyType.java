package io.tributary.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key type of the Mongo-protocol server's unique indices (such as {@code _id}), in the same order and stored the
 * same way as H2's own object type, but fast. H2 orders keys it does not know, such as the library's
 * {@link KeyValue}, by their Java-serialized bytes (unsigned, then by length), and serializes both keys again for
 * every comparison of every search: that was most of the server's time under bulk writes. The order, and so every
 * existing file, stays as it was:
 * <ul>
 * <li>a key of one ASCII string serializes as a fixed prefix (the same for every such key built the same way), the
 * string's length in two bytes, its characters and a fixed suffix; two such keys are compared on those, with no
 * serializing at all;</li>
 * <li>other keys of strings are serialized once and their bytes kept for the most recently used keys;</li>
 * <li>keys with other values are compared as H2 compares them.</li>
 * </ul>
 */
final class IndexKeyType extends ObjectDataType {

    private static final int CACHED_KEYS = 200_000;
    private static final int MAX_SHORT_STRING = 0xFFFF;
    private static final byte STRING_TAG = 0x74;
    private static final byte END_BLOCK_DATA = 0x78;
    private static final int MAX_END_MARKERS = 4;
    private static final VarHandle VALUES = valuesOfKeys();

    private final Map<KeyValue, byte[]> serialized = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyValue, byte[]> eldest) {
            return size() > CACHED_KEYS;
        }
    };
    /** Per class of a key's value list: the bytes before the string of a one-string key, if they do not vary. */
    private final Map<Class<?>, Optional<byte[]>> prefixes = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            if (a == b) {
                return 0;
            }
            byte[] firstPrefix = shortAsciiPrefix(first);
            byte[] secondPrefix = firstPrefix == null ? null : shortAsciiPrefix(second);
            if (firstPrefix != null && secondPrefix == firstPrefix) {
                return compareSerializedStrings((String) first.get(0), (String) second.get(0));
            }
            return compareNotNull(bytes(first), bytes(second));
        }
        return super.compare(a, b);
    }

    /**
     * The serialized forms of two one-string keys with the same prefix differ first in the strings' two length bytes
     * or, at equal lengths, in their characters (one byte each for ASCII).
     */
    private static int compareSerializedStrings(String first, String second) {
        if (first.length() != second.length()) {
            return Integer.compare(first.length(), second.length());
        }
        for (int i = 0; i < first.length(); i++) {
            int difference = first.charAt(i) - second.charAt(i);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** Whether comparing {@code key} with a key like it serializes neither. */
    boolean comparesWithoutSerializing(KeyValue key) {
        return shortAsciiPrefix(key) != null;
    }

    /** The shared prefix of a key of one short string of ASCII characters other than NUL; null for any other key. */
    private byte[] shortAsciiPrefix(KeyValue key) {
        if (key.size() != 1 || !(key.get(0) instanceof String value) || value.length() > MAX_SHORT_STRING
                || !isAscii(value)) {
            return null;
        }
        Class<?> listClass = VALUES.get(key).getClass();
        return prefixes.computeIfAbsent(listClass, type -> prefixOf(key, value)).orElse(null);
    }

    /**
     * The bytes before the string in the key's serialized form: class descriptors and the list's size, which do not
     * depend on the string. Empty if the string is not where a one-string key keeps it.
     */
    private Optional<byte[]> prefixOf(KeyValue key, String value) {
        byte[] bytes = serialize(key);
        int suffix = suffixLength(bytes, value);
        return suffix > bytes.length ? Optional.empty() : Optional.of(Arrays.copyOf(bytes, bytes.length - suffix));
    }

    /**
     * How many bytes from the string's tag to the end, or more than there are if the string is not found where a
     * one-string key keeps it: its tag, two length bytes and characters, followed only by end markers.
     */
    private static int suffixLength(byte[] bytes, String value) {
        int end = bytes.length;
        while (end > 0 && bytes.length - end < MAX_END_MARKERS && bytes[end - 1] == END_BLOCK_DATA) {
            end--;
            int tag = end - value.length() - 3;
            if (tag >= 0 && bytes[tag] == STRING_TAG && (bytes[tag + 1] & 0xFF) == value.length() >> 8
                    && (bytes[tag + 2] & 0xFF) == (value.length() & 0xFF) && matches(bytes, tag + 3, value)) {
                return bytes.length - tag;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static boolean matches(byte[] bytes, int offset, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (bytes[offset + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 0x7F) {
                return false;
            }
        }
        return true;
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

    private static VarHandle valuesOfKeys() {
        try {
            return MethodHandles.privateLookupIn(KeyValue.class, MethodHandles.lookup())
                    .findVarHandle(KeyValue.class, "values", List.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this mongo-java-server's KeyValue has no values list", e);
        }
    }
}
