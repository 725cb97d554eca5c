package io.tributary.projections.view;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link DocumentBatch} on a MongoDB collection: read with {@code {_id: {$in: ids}}}, written with one unordered
 * {@code bulkWrite}: an insert for a new document (a duplicate key means a concurrent writer created it) and a
 * replacement filtered by {@code {_id, version: <as read>}} for an existing one (no match means a concurrent writer
 * changed it).
 */
final class MongoBatch extends DocumentBatch<Document> {

    private final MongoCollection<Document> documents;

    MongoBatch(ViewVersion view, MongoCollection<Document> documents) {
        super(view);
        this.documents = documents;
    }

    /** Always: the insert of a new document meets the existing one's key. */
    @Override
    boolean writeRefusesExisting(long version) {
        return true;
    }

    @Override
    Map<String, Stored<Document>> read(Collection<String> ids) {
        Map<String, Stored<Document>> stored = new HashMap<>();
        try {
            for (Document document : documents.find(Filters.in("_id", ids))) {
                stored.put(document.getString("_id"), new Stored<>(document, version(document)));
            }
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read " + ids.size() + " documents of " + view);
        }
        return stored;
    }

    @Override
    Written write(List<Entry<Document>> changed) {
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        for (Entry<Document> entry : changed) {
            writes.add(entry.storedVersion == 0
                    ? new InsertOneModel<>(entry.document)
                    : new ReplaceOneModel<>(Filters.and(Filters.eq("_id", entry.id),
                            Filters.eq(MongoView.VERSION, entry.storedVersion)), entry.document));
        }
        Set<String> conflicted = new HashSet<>();
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        BulkWriteResult result;
        try {
            result = documents.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                return Written.allFailed(changed, MongoFailures.translate(e, "write " + writes.size()
                        + " documents of " + view));
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                Entry<Document> entry = changed.get(error.getIndex());
                if (error.getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    conflicted.add(entry.id);
                } else {
                    failed.put(entry.id, MongoFailures.translate(e, "write " + entry.id + " in " + view));
                }
            }
            result = e.getWriteResult();
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "write " + writes.size() + " documents of " + view);
        }
        List<Entry<Document>> replaced = changed.stream()
                .filter(entry -> entry.storedVersion != 0 && !failed.containsKey(entry.id))
                .toList();
        if (result.getMatchedCount() < replaced.size()) {
            conflicted.addAll(behind(replaced));
        }
        return new Written(conflicted, Set.of(), failed);
    }

    @Override
    boolean overwrite(Entry<Document> entry) {
        try {
            documents.replaceOne(Filters.and(Filters.eq("_id", entry.id), Filters.lte(MongoView.VERSION, entry.version)),
                    entry.document, new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            // No match at or below our version, so the upsert tried to insert: a newer version is stored.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw MongoFailures.translate(e, "replace " + entry.id + " in " + view);
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "replace " + entry.id + " in " + view);
        }
    }

    /** The replacements that found no document at the version they were guarded by: still below their version. */
    private Set<String> behind(List<Entry<Document>> replaced) {
        Map<String, Long> versions = new HashMap<>();
        try {
            for (Document document : documents.find(Filters.in("_id", replaced.stream().map(e -> e.id).toList()))
                    .projection(Projections.include(MongoView.VERSION))) {
                versions.put(document.getString("_id"), version(document));
            }
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read versions of " + view);
        }
        Set<String> behind = new HashSet<>();
        replaced.stream().filter(entry -> versions.getOrDefault(entry.id, 0L) < entry.version)
                .forEach(entry -> behind.add(entry.id));
        return behind;
    }

    private static long version(Document document) {
        Number version = document.get(MongoView.VERSION, Number.class);
        return version == null ? 0 : version.longValue();
    }
}
