package io.tributary.projections.check;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.Iterator;

/** The documents of a MongoDB view, ordered by id. */
final class MongoSnapshots {

    private static final int BATCH = 500;

    private MongoSnapshots() {
    }

    static Iterator<Snapshot> of(MongoCollection<Document> collection) {
        Iterator<Document> documents = collection.find().sort(Sorts.ascending("_id")).batchSize(BATCH).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return documents.hasNext();
            }

            @Override
            public Snapshot next() {
                Document document = documents.next();
                return new Snapshot(document.get("_id").toString(), document.get("version", Number.class).longValue(),
                        document);
            }
        };
    }
}
