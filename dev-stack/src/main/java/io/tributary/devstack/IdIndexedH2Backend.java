package io.tributary.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's H2 backend, answering {@code hello} (the handshake today's drivers and Spring Boot's health check
 * use) as it answers its legacy form {@code isMaster}, and without what made bulk writes slow, more so as collections
 * grow:
 * <ul>
 * <li>a filter with an {@code _id} equality and further fields, such as the views' version guard
 * {@code {_id: x, version: n}} (or its {@code $and} form), finds its document through the {@code _id} index as
 * MongoDB does; the library uses an index only for a filter on exactly the index's keys and scans the whole
 * collection otherwise;</li>
 * <li>a non-unique index, which the library ignores, narrows a filter that requires its first key to equal a
 * string to the documents holding it ({@link StringEqualityIndex}): a user's orders are found without reading every
 * order;</li>
 * <li>unique indices compare their keys through {@link IndexKeyType}, in the same order but without serializing
 * both keys at every step of every search;</li>
 * <li>every write command is committed to the store's file before it is answered, so a killed server keeps what it
 * acknowledged;</li>
 * <li>documents are stored as BSON ({@link DocumentValueType}) rather than Java-serialized, as copies of their
 * own: the store writes them to its file in the background, where a document the library goes on changing failed
 * the write and closed the store.</li>
 * </ul>
 * All other behaviour is the library's. A file written by the plain backend opens here; documents written here need
 * this backend to be read.
 */
final class IdIndexedH2Backend extends H2Backend {

    private static final String ID = "_id";
    private static final String HELLO = "hello";
    private static final String IS_MASTER = "isMaster";
    private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete", "findAndModify");
    private static final IndexKeyType INDEX_KEYS = new IndexKeyType();
    private static final DocumentValueType DOCUMENTS = new DocumentValueType();
    /** The library's index class has no public constructor; this is the one its database calls. */
    private static final MethodHandle NEW_UNIQUE_INDEX = uniqueIndexConstructor();

    IdIndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (HELLO.equals(command)) {
            Document answer = super.handleCommand(channel, databaseName, IS_MASTER, query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command)) {
            // The store would write its changes to the file a second later, in the background: a server killed
            // meanwhile lost writes it had acknowledged, which MongoDB's journal keeps.
            commit();
        }
        return answer;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    /** An inner class: the superclass constructor opens collections already, before any field of this is set. */
    private final class Database extends H2Database {

        Database(String name, CursorRegistry cursors) {
            super(name, getMvStore(), cursors);
        }

        /** The same maps as {@link H2Database} opens for a collection, with documents kept as BSON. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            return new Collection(this, collectionName, options, store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(DOCUMENTS)), store.openMap("meta." + namespace),
                    cursorRegistry);
        }

        /** The same map as {@link H2Database} opens for the index, with the fast key type. */
        @Override
        @SuppressWarnings("unchecked")
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(INDEX_KEYS));
            try {
                return (Index<Object>) NEW_UNIQUE_INDEX.invoke(map, indexName, keys, sparse);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot open index " + indexName + " of " + collectionName, e);
            }
        }

        /** The library ignores a non-unique index; here it serves string equalities on its first key. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new StringEqualityIndex<>(indexName, keys);
        }
    }

    private static MethodHandle uniqueIndexConstructor() {
        try {
            Constructor<H2UniqueIndex> constructor = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class,
                    String.class, List.class, boolean.class);
            constructor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this mongo-java-server has no H2UniqueIndex(MVMap, String, List, boolean)", e);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String name, CollectionOptions options,
                   org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
                   CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        /**
         * The store writes documents to its file in the background, later: it must keep a copy of its own, which no
         * caller changes meanwhile (the library goes on using the documents it stores and reads).
         */
        @Override
        protected Object addDocumentInternal(Document document) {
            return super.addDocumentInternal(document.cloneDeeply());
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
        }

        @Override
        protected Document getDocument(Object position) {
            Document document = super.getDocument(position);
            return document == null ? null : document.cloneDeeply();
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = query.size() > 1 || RequiredEquality.isAnd(query)
                    ? RequiredEquality.of(query, ID, Collection::isValue) : null;
            if (id != null) {
                Document byId = new Document(ID, id);
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        // The full query is matched against the one document the index finds.
                        return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit,
                                batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** A plain value, not an operator document such as {@code {$in: [...]}}. */
        private static boolean isValue(Object value) {
            return value != null && !(value instanceof Map<?, ?>);
        }
    }
}
