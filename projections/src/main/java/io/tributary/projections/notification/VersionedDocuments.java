package io.tributary.projections.notification;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.tributary.projections.view.MongoFailures;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the notifications keep about an aggregate: one document per aggregate id with the {@code version} of the
 * last event it reflects. A write that is not newer changes nothing, so redelivery and replay are harmless. Only the
 * latest state matters here (the current address of a user), so a newer event is taken even after a gap.
 * <p>
 * Writes go a batch at a time: the versions of the batch's documents are read in one query, the guard is checked
 * against them (and against the batch's own earlier writes), and the writes go out in one bulk write, one update per
 * document however many of the batch's events changed it, every filter a bare {@code _id}. A guard inside the filter
 * ({@code _id} plus {@code version}) would be atomic, but the Mongo-protocol server of the local stack answers such a
 * filter by scanning the whole collection. The price of the read-then-write: during a rebalance, an instance that has
 * lost a partition may still write an older version over a newer one; the partition's new owner applies the same events
 * after it and so writes the latest state again.
 */
final class VersionedDocuments {

    private static final String ID = "_id";
    private static final String VERSION = "version";

    private final MongoCollection<Document> documents;

    VersionedDocuments(MongoCollection<Document> documents) {
        this.documents = documents;
    }

    /** Starts a batch of writes to the documents {@code ids}, whose versions it reads at once. */
    Batch batch(Collection<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        ids.forEach(id -> versions.put(id, 0L));
        if (!ids.isEmpty()) {
            try {
                documents.find(Filters.in(ID, ids)).projection(Projections.include(VERSION))
                        .forEach(document -> versions.put(document.getString(ID), version(document)));
            } catch (MongoException e) {
                throw MongoFailures.translate(e, "read " + ids.size() + " versions in " + documents.getNamespace());
            }
        }
        return new Batch(versions);
    }

    Optional<Document> find(String id) {
        try {
            return Optional.ofNullable(documents.find(Filters.eq(ID, id)).first());
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read " + id + " in " + documents.getNamespace());
        }
    }

    private static long version(Document document) {
        Number version = document.get(VERSION, Number.class);
        return version == null ? 0 : version.longValue();
    }

    /** Writes to some documents, guarded by the versions read when it started; nothing is written before {@link #flush()}. */
    final class Batch {

        private final Map<String, Long> versions;
        /** The fields to set on each document; a write sets whole top-level fields, so later values replace earlier. */
        private final Map<String, Document> pending = new LinkedHashMap<>();

        private Batch(Map<String, Long> versions) {
            this.versions = versions;
        }

        /** An id the batch was not started with costs a read of its own. */
        WriteOutcome setIfNewer(String id, long version, Document fields) {
            if (!versions.containsKey(id)) {
                versions.put(id, VersionedDocuments.this.find(id).map(VersionedDocuments::version).orElse(0L));
            }
            if (versions.get(id) >= version) {
                return WriteOutcome.ALREADY_APPLIED;
            }
            versions.put(id, version);
            Document set = pending.computeIfAbsent(id, key -> new Document());
            set.putAll(fields);
            set.put(VERSION, version);
            return WriteOutcome.APPLIED;
        }

        /** The document as written so far, this batch's pending writes included. */
        Optional<Document> find(String id) {
            if (pending.containsKey(id)) {
                flush();
            }
            return VersionedDocuments.this.find(id);
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(pending.size());
            pending.forEach((id, set) -> writes.add(new UpdateOneModel<>(Filters.eq(ID, id), new Document("$set", set),
                    new UpdateOptions().upsert(true))));
            try {
                documents.bulkWrite(writes);
            } catch (MongoException e) {
                throw MongoFailures.translate(e, "write " + writes.size() + " documents in " + documents.getNamespace());
            }
            pending.clear();
        }
    }
}
