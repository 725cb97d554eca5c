package io.tributary.devstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentValueTypeTest {

    @Test
    void keepsEveryValueADocumentCanHoldAcrossAReopen(@TempDir Path folder) {
        Document document = document("user-1");
        String file = folder.resolve("bson.mv").toString();
        try (MVStore store = MVStore.open(file)) {
            documents(store).put("user-1", document);
        }
        try (MVStore store = MVStore.open(file)) {
            assertThat(documents(store).get("user-1")).isEqualTo(document);
        }
    }

    @Test
    void readsDocumentsTheLibraryJavaSerializedBefore(@TempDir Path folder) {
        String file = folder.resolve("earlier.mv").toString();
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> earlier = store.openMap("documents");
            for (int i = 0; i < 1_000; i++) {
                earlier.put("user-" + i, document("user-" + i));
            }
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> documents = documents(store);
            assertThat(documents.get("user-7")).isEqualTo(document("user-7"));
            documents.put("user-7", document("user-7").append("version", 8L));
            documents.put("user-1000", document("user-1000"));
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> documents = documents(store);
            assertThat(documents.get("user-7").get("version")).isEqualTo(8L);
            assertThat(documents.get("user-999")).isEqualTo(document("user-999"));
            assertThat(documents.get("user-1000")).isEqualTo(document("user-1000"));
        }
    }

    @Test
    void writesEachDocumentAsItIsWhenItsPageIsWrittenAgain(@TempDir Path folder) {
        String file = folder.resolve("pages.mv").toString();
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> documents = documents(store);
            for (int i = 0; i < 1_000; i++) {
                documents.put("user-" + i, document("user-" + i));
            }
        }
        try (MVStore store = MVStore.open(file)) {
            // Read back, so that the pages hold documents decoded from the file, then change every tenth: the pages
            // holding them are written again, with the other nine documents of ten as they were read.
            MVMap<Object, Document> documents = documents(store);
            for (int i = 0; i < 1_000; i++) {
                assertThat(documents.get("user-" + i)).isEqualTo(document("user-" + i));
            }
            for (int i = 0; i < 1_000; i += 10) {
                documents.put("user-" + i, document("user-" + i).append("version", 8L));
                store.commit();
            }
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> documents = documents(store);
            for (int i = 0; i < 1_000; i++) {
                Document expected = document("user-" + i);
                assertThat(documents.get("user-" + i)).isEqualTo(i % 10 == 0 ? expected.append("version", 8L) : expected);
            }
        }
    }

    private static MVMap<Object, Document> documents(MVStore store) {
        return store.openMap("documents", new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
    }

    private static Document document(String id) {
        return new Document("_id", id)
                .append("name", "Ada Lovelace ü 日本")
                .append("version", 7L)
                .append("age", 36)
                .append("total", 1234.5)
                .append("active", true)
                .append("deactivatedAt", null)
                .append("registeredAt", Instant.parse("2026-11-26T10:15:30.123Z"))
                .append("lines", List.of(new Document("productId", "p-1").append("quantity", 2),
                        new Document("productId", "p-2").append("quantity", 1)))
                .append("tags", List.of("a", "b"))
                .append("reference", new ObjectId("5f1d7a2b9c3e4d5f6a7b8c9d"))
                .append("token", UUID.nameUUIDFromBytes(id.getBytes()))
                .append("nested", new Document("deeper", new Document("deepest", "x")));
    }
}
