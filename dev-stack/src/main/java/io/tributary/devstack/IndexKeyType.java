package io.tributary.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
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
 * Writing a key of strings to the file puts the same bytes as H2 does (its serialized form, tagged), but a one-string
 * ASCII key's are put together from its string and the fixed parts, and others' come from the kept bytes: H2
 * serializes every key of a page again each time the page is written, and under the views' writes that was an eighth
 * of the server's time. Keys are read as H2 reads them.
 */
final class IndexKeyType extends ObjectDataType {

    private static final int CACHED_KEYS = 200_000;
    private static final int MAX_SHORT_STRING = 0xFFFF;
    private static final byte STRING_TAG = 0x74;
    private static final byte END_BLOCK_DATA = 0x78;
    private static final int MAX_END_MARKERS = 4;
    /** H2's tag of a Java-serialized value in its files. */
    private static final byte SERIALIZED_OBJECT = 19;
    private static final VarHandle VALUES = valuesOfKeys();

    private final Map<KeyValue, byte[]> serialized = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyValue, byte[]> eldest) {
            return size() > CACHED_KEYS;
        }
    };
    /**
     * Per class of a key's value list: the bytes before and after the string of a one-string key, if they do not
     * vary. Keys with the same frame (the same object) compare on their strings.
     */
    private final Map<Class<?>, Optional<Frame>> frames = new ConcurrentHashMap<>();

    /** The fixed parts of a one-string key's serialized form. */
    private record Frame(byte[] prefix, byte[] suffix) {

        int length(String value) {
            return prefix.length + 2 + value.length() + suffix.length;
        }
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            if (a == b) {
                return 0;
            }
            Frame firstFrame = shortAsciiFrame(first);
            Frame secondFrame = firstFrame == null ? null : shortAsciiFrame(second);
            if (firstFrame != null && secondFrame == firstFrame) {
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

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof KeyValue key) || !allStrings(key)) {
            super.write(buffer, value);
            return;
        }
        Frame frame = shortAsciiFrame(key);
        if (frame == null) {
            byte[] bytes = bytes(key);
            buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
            return;
        }
        String string = (String) key.get(0);
        buffer.put(SERIALIZED_OBJECT).putVarInt(frame.length(string)).put(frame.prefix())
                .put((byte) (string.length() >> 8)).put((byte) string.length());
        for (int i = 0; i < string.length(); i++) {
            buffer.put((byte) string.charAt(i));
        }
        buffer.put(frame.suffix());
    }

    /**
     * Twice the serialized size, which is what H2 estimates for such a key once it has written a few (its estimate
     * follows the keys it serializes, which this type does not let it see).
     */
    @Override
    public int getMemory(Object value) {
        if (value instanceof KeyValue key && allStrings(key)) {
            Frame frame = shortAsciiFrame(key);
            return 2 * (frame != null ? frame.length((String) key.get(0)) : bytes(key).length);
        }
        return super.getMemory(value);
    }

    /** Whether comparing {@code key} with a key like it, or writing it, serializes neither. */
    boolean comparesWithoutSerializing(KeyValue key) {
        return shortAsciiFrame(key) != null;
    }

    /** The shared frame of a key of one short string of ASCII characters other than NUL; null for any other key. */
    private Frame shortAsciiFrame(KeyValue key) {
        if (key.size() != 1 || !(key.get(0) instanceof String value) || value.length() > MAX_SHORT_STRING
                || !isAscii(value)) {
            return null;
        }
        Class<?> listClass = VALUES.get(key).getClass();
        return frames.computeIfAbsent(listClass, type -> frameOf(key, value)).orElse(null);
    }

    /**
     * The bytes around the string in the key's serialized form: class descriptors and the list's size before it, end
     * markers after it, which do not depend on the string. Empty if the string is not where a one-string key keeps it.
     */
    private Optional<Frame> frameOf(KeyValue key, String value) {
        byte[] bytes = serialize(key);
        int fromTag = suffixLength(bytes, value);
        if (fromTag > bytes.length) {
            return Optional.empty();
        }
        int tag = bytes.length - fromTag;
        // The prefix ends with the string's tag; the length bytes and the characters follow it.
        return Optional.of(new Frame(Arrays.copyOf(bytes, tag + 1),
                Arrays.copyOfRange(bytes, tag + 3 + value.length(), bytes.length)));
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
        if (!allStrings(key)) {
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

    private static boolean allStrings(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String)) {
                return false;
            }
        }
        return true;
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
