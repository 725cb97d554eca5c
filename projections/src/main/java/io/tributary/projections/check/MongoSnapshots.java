package io.tributary.projections.check;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The documents of a MongoDB view version: a scan in natural order (no sort, which a Mongo-protocol server without
 * range indices does in memory, holding everything else up), and lookups by {@code _id}.
 */
final class MongoSnapshots implements DocumentSource {

    private static final int BATCH = 1000;

    private final MongoCollection<Document> collection;

    MongoSnapshots(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    @Override
    public Iterator<List<Snapshot>> batches() {
        MongoCursor<Document> documents = collection.find().batchSize(BATCH).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return documents.hasNext();
            }

            @Override
            public List<Snapshot> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Snapshot> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && documents.hasNext()) {
                    batch.add(snapshot(documents.next()));
                }
                return batch;
            }
        };
    }

    @Override
    public Map<String, Snapshot> find(Collection<String> ids) {
        Map<String, Snapshot> found = new HashMap<>();
        for (Document document : collection.find(Filters.in("_id", ids)).batchSize(BATCH)) {
            Snapshot snapshot = snapshot(document);
            found.put(snapshot.id(), snapshot);
        }
        return found;
    }

    @Override
    public long count() {
        return collection.estimatedDocumentCount();
    }

    private static Snapshot snapshot(Document document) {
        return new Snapshot(document.get("_id").toString(), document.get("version", Number.class).longValue(), document);
    }
}
