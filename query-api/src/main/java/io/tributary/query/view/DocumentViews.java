package io.tributary.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.tributary.events.ConsistencyToken;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.consistency.ConsistencyWait;
import io.tributary.query.http.NotFoundException;
import io.tributary.query.resilience.StoreGuard;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Reads of the MongoDB views: the collection comes from the view registry, every call goes through the
 * {@code mongo} store guard, and filters are built by the callers from validated, typed values only. Reads by id
 * go through the cache levels: the near cache, then Redis, then MongoDB.
 */
@Component
public class DocumentViews {

    private final MongoTemplate mongo;
    private final ViewRegistry registry;
    private final NearCache cache;
    private final ConsistencyWait consistency;
    private final StoreGuard mongoGuard;
    private final RedisCache redisCache;
    private final Map<String, BatchedReads<?>> batchedReads = new ConcurrentHashMap<>();
    private final Executor reads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("view-reads-", 0).factory());

    DocumentViews(MongoTemplate mongo, ViewRegistry registry, NearCache cache, ConsistencyWait consistency,
                  StoreGuard mongoGuard, RedisCache redisCache) {
        this.mongo = mongo;
        this.registry = registry;
        this.cache = cache;
        this.consistency = consistency;
        this.mongoGuard = mongoGuard;
        this.redisCache = redisCache;
    }

    /**
     * The document with this id, after the view reached the versions of the presented tokens. Answered from the
     * near cache, else from Redis, else from MongoDB: a cache level answers only a version at least that of a token
     * for this very document.
     */
    public <T extends Versioned> T require(DocumentView<T> view, String id, ConsistencyTokens tokens) {
        awaitTokens(view, tokens.except(view.type(), id));
        Optional<ConsistencyToken> own = tokens.newestFor(view.type(), id);
        long atLeast = own.map(ConsistencyToken::version).orElse(0L);
        Supplier<Optional<T>> read = () -> batchedReads(view).read(id);
        // Waiting for this very document reads the document itself: the read that sees the version is the answer.
        Supplier<Optional<T>> fromMongo = own.isEmpty() ? read : () -> consistency.read(own.get(), read,
                found -> found.map(Versioned::version).orElse(0L) >= atLeast);
        Supplier<Optional<T>> load = () -> Optional.ofNullable(fromRedis(view, List.of(id), ignored -> atLeast).get(id))
                .or(fromMongo);
        return cache.get(view.name(), id, atLeast, load, read)
                .orElseThrow(() -> NotFoundException.noSuch(view.type(), id));
    }

    /** Waits until the view holds the version of every token of its aggregate type (never when there is none). */
    public void awaitTokens(DocumentView<?> view, ConsistencyTokens tokens) {
        consistency.await(tokens, view.type(), id -> versionOf(view, id));
    }

    /**
     * Documents by id, in no particular order; ids the view does not hold are absent from the map. Hot documents
     * come from the near cache, the near cache's misses from one Redis MGET, and only what is still missing from
     * MongoDB, under the same rule as {@link #require}: never older than a presented token.
     */
    public <T extends Versioned> Map<String, T> findAll(DocumentView<T> view, Collection<String> ids, ConsistencyTokens tokens) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        ToLongFunction<String> atLeast = id -> tokens.versionOf(view.type(), id);
        return cache.getAll(view.name(), ids, atLeast, missing -> {
            Map<String, T> found = new HashMap<>(fromRedis(view, missing, atLeast));
            List<String> rest = missing.stream().filter(id -> !found.containsKey(id)).toList();
            if (!rest.isEmpty()) {
                found.putAll(find(view, rest));
            }
            return found;
        });
    }

    @SuppressWarnings("unchecked")
    private <T extends Versioned> BatchedReads<T> batchedReads(DocumentView<T> view) {
        return (BatchedReads<T>) batchedReads.computeIfAbsent(view.name(),
                name -> new BatchedReads<>(ids -> find(view, ids), reads));
    }

    private <T extends Versioned> Map<String, T> fromRedis(DocumentView<T> view, List<String> ids, ToLongFunction<String> atLeast) {
        // The registry lives in MongoDB (cached for seconds): guarded like any MongoDB read, so an outage is a 503.
        String collection = mongoGuard.call(() -> registry.collectionOf(view.name()));
        Map<String, T> found = new HashMap<>();
        redisCache.getAll(collection, ids, atLeast)
                .forEach((id, entry) -> found.put(id, view.mapper().apply(entry.document())));
        return found;
    }

    /** Reads MongoDB, and hands what it found to Redis for the other replicas. */
    private <T extends Versioned> Map<String, T> find(DocumentView<T> view, List<String> ids) {
        record Read(String collection, Map<String, RedisEntry> documents) {
        }
        Read read = mongoGuard.call(() -> {
            String collection = registry.collectionOf(view.name());
            Map<String, RedisEntry> documents = new LinkedHashMap<>();
            for (Document document : mongo.getCollection(collection).find(Filters.in("_id", ids))) {
                documents.put(document.getString("_id"), RedisEntry.of(document));
            }
            return new Read(collection, documents);
        });
        redisCache.offer(read.collection(), read.documents());
        Map<String, T> found = new LinkedHashMap<>();
        read.documents().forEach((id, entry) -> found.put(id, view.mapper().apply(entry.document())));
        return found;
    }

    /** At most {@code limit} documents matching the filter, in the given order. */
    public <T extends Versioned> List<T> list(DocumentView<T> view, Bson filter, Bson sort, int limit) {
        return mongoGuard.call(() -> collection(view).find(filter).sort(sort).limit(limit)
                .map(view.mapper()::apply).into(new ArrayList<>()));
    }

    /**
     * A cursor over every matching document, fetched in batches of {@code batchSize}; the caller closes it.
     * Only opening it (and the first batch) is guarded: a stream then runs as long as it needs.
     */
    public MongoCursor<Document> stream(DocumentView<?> view, Bson filter, Bson sort, int batchSize) {
        return mongoGuard.call(() -> collection(view).find(filter).sort(sort).batchSize(batchSize).cursor());
    }

    /** The aggregate version the view reflects for an id; 0 before its first event arrived. */
    private long versionOf(DocumentView<?> view, String id) {
        return mongoGuard.call(() -> {
            Document document = collection(view).find(Filters.eq("_id", id))
                    .projection(Projections.include("version")).first();
            return document == null ? 0L : DocumentFields.versionOf(document);
        });
    }

    private MongoCollection<Document> collection(DocumentView<?> view) {
        return mongo.getCollection(registry.collectionOf(view.name()));
    }
}
