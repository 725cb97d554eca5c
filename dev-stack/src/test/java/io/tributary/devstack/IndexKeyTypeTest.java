package io.tributary.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeyTypeTest {

    private final Random random = new Random(7);

    @Test
    void ordersKeysExactlyAsH2sOwnObjectType() {
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType fast = new IndexKeyType();
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(new KeyValue(i % 3 == 0 ? UUID.randomUUID().toString() : "k" + random.nextInt(50)));
        }
        keys.add(new KeyValue(7L));
        keys.add(new KeyValue("a", "b"));
        // Lengths across the low length byte, so that its unsigned order matters; non-ASCII and NUL characters; keys
        // built from a collection, whose list class serializes differently.
        for (int length : new int[] {0, 1, 2, 127, 128, 255, 256, 300, 70_000}) {
            keys.add(new KeyValue("k".repeat(length)));
            keys.add(new KeyValue(List.of("j".repeat(length))));
        }
        for (String odd : List.of("é", "zé", "\u0000", "a\u0000", "日本", "~", "\u007f", "ü".repeat(200))) {
            keys.add(new KeyValue(odd));
            keys.add(new KeyValue(List.of(odd)));
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(fast.compare(a, b))).as(a + " vs " + b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    @Test
    void writesKeysAsTheBytesH2sOwnObjectTypeWrites() {
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType fast = new IndexKeyType();
        List<KeyValue> keys = new ArrayList<>(variedKeys());
        keys.add(new KeyValue(7L));
        keys.add(new KeyValue("a", 7));
        for (KeyValue key : keys) {
            // Twice, so that the kept bytes of a key are written too.
            for (int round = 0; round < 2; round++) {
                assertThat(written(fast, key)).as(key.toString()).isEqualTo(written(h2, key));
            }
        }
    }

    @Test
    void estimatesTheMemoryOfAKeyOfStringsByItsSerializedSize() {
        IndexKeyType keys = new IndexKeyType();
        for (KeyValue key : variedKeys()) {
            assertThat(keys.getMemory(key)).as(key.toString()).isEqualTo(2 * ObjectDataType.serialize(key).length);
        }
        assertThat(keys.getMemory(new KeyValue(7L))).isEqualTo(new ObjectDataType().getMemory(new KeyValue(7L)));
    }

    @Test
    void comparesKeysOfOneAsciiStringWithoutSerializingThem() {
        IndexKeyType keys = new IndexKeyType();
        assertThat(keys.comparesWithoutSerializing(new KeyValue(UUID.randomUUID().toString()))).isTrue();
        assertThat(keys.comparesWithoutSerializing(new KeyValue(List.of("order-17")))).isTrue();
        assertThat(keys.comparesWithoutSerializing(new KeyValue("zé"))).isFalse();
        assertThat(keys.comparesWithoutSerializing(new KeyValue("a", "b"))).isFalse();
        assertThat(keys.comparesWithoutSerializing(new KeyValue(7L))).isFalse();
    }

    /** Keys of strings: one ASCII string (each way a key is built), several, non-ASCII, NUL, long and empty ones. */
    private List<KeyValue> variedKeys() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add(new KeyValue(UUID.randomUUID().toString()));
            keys.add(new KeyValue(List.of("k" + random.nextInt(1_000))));
        }
        keys.add(new KeyValue("a", "b"));
        for (int length : new int[] {0, 1, 255, 256, 70_000}) {
            keys.add(new KeyValue("k".repeat(length)));
        }
        for (String odd : List.of("é", "\u0000", "a\u0000", "日本", "\u007f")) {
            keys.add(new KeyValue(odd));
        }
        return keys;
    }

    private static byte[] written(ObjectDataType type, KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        ByteBuffer bytes = buffer.getBuffer().flip();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return copy;
    }

    @Test
    void readsAnIndexTheLibraryWroteAndTheLibraryReadsOneItWrote(@TempDir Path folder) {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            keys.add(new KeyValue(UUID.randomUUID().toString()));
        }
        Path library = folder.resolve("library.mv");
        try (MVStore store = MVStore.open(library.toString())) {
            MVMap<KeyValue, Object> index = store.openMap("index");
            keys.forEach(key -> index.put(key, key.toString()));
        }
        try (MVStore store = MVStore.open(library.toString())) {
            MVMap<KeyValue, Object> index = store.openMap("index",
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            keys.forEach(key -> assertThat(index.get(new KeyValue(key.get(0)))).isEqualTo(key.toString()));
            index.put(new KeyValue("added-fast"), "fast");
        }
        try (MVStore store = MVStore.open(library.toString())) {
            MVMap<KeyValue, Object> index = store.openMap("index");
            assertThat(index.get(new KeyValue("added-fast"))).isEqualTo("fast");
            keys.forEach(key -> assertThat(index.get(new KeyValue(key.get(0)))).isEqualTo(key.toString()));
        }
    }
}
