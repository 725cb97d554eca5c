package io.tributary.query.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A small per-instance cache of hot view documents, keyed by view and id. An entry older than the version a
 * client's consistency token demands is never answered: that read goes to the store and refreshes the entry.
 * No entry is answered longer than {@code time-to-live} after it was read from the store (MongoDB, or Redis, which
 * may hold a document up to its own time to live); one asked for after {@code refresh-after} is still answered,
 * and read again from MongoDB in the background, so a document that stays hot is never waited for. Hits and misses are counted by hand (a stale entry is a miss) and published as the
 * {@code views} cache and as the {@code near} level of {@link ViewCacheMeters#REQUESTS}.
 */
@Component
class NearCache implements DisposableBean {

    private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();
    private final Cache<Key, Entry> documents;
    private final long refreshAfterNanos;
    /** At most one background read per document at a time, so there are never more than the cache holds. */
    private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refreshes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("near-cache-refresh-", 0).factory());

    NearCache(NearCacheProperties properties, MeterRegistry meters) {
        this.documents = Caffeine.newBuilder()
                .maximumSize(properties.maximumSize())
                .expireAfterWrite(properties.timeToLive())
                .recordStats(() -> stats)
                .build();
        this.refreshAfterNanos = properties.refreshAfter().toNanos();
        CaffeineCacheMetrics.monitor(meters, documents, "views");
        ViewCacheMeters.requests(meters, "near", "hit", stats, counter -> counter.snapshot().hitCount());
        ViewCacheMeters.requests(meters, "near", "miss", stats, counter -> counter.snapshot().missCount());
    }

    /**
     * The cached document when it has at least version {@code atLeast}, else what {@code load} finds (then cached).
     * {@code read} is the plain store read a background refresh uses.
     */
    @SuppressWarnings("unchecked")
    <T extends Versioned> Optional<T> get(String view, String id, long atLeast, Supplier<Optional<T>> load,
                                          Supplier<Optional<T>> read) {
        Key key = new Key(view, id);
        Entry cached = documents.asMap().get(key);
        if (cached != null && cached.document().version() >= atLeast) {
            stats.recordHits(1);
            if (System.nanoTime() - cached.readAt() > refreshAfterNanos) {
                refreshInBackground(key, read);
            }
            return Optional.of((T) cached.document());
        }
        stats.recordMisses(1);
        Optional<T> loaded = load.get();
        loaded.ifPresent(document -> keepNewer(key, document));
        return loaded;
    }

    /**
     * The documents with these ids, each from the cache when it has at least {@code atLeast(id)}, the rest from one
     * call of the loader (then cached). Ids neither holds are absent from the map.
     */
    @SuppressWarnings("unchecked")
    <T extends Versioned> Map<String, T> getAll(String view, Collection<String> ids, ToLongFunction<String> atLeast,
                                                Function<List<String>, Map<String, T>> loader) {
        Map<String, T> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Entry cached = documents.asMap().get(new Key(view, id));
            if (cached != null && cached.document().version() >= atLeast.applyAsLong(id)) {
                found.put(id, (T) cached.document());
            } else {
                missing.add(id);
            }
        }
        stats.recordHits(found.size());
        stats.recordMisses(missing.size());
        if (!missing.isEmpty()) {
            loader.apply(missing).forEach((id, document) -> {
                found.put(id, document);
                keepNewer(new Key(view, id), document);
            });
        }
        return found;
    }

    private <T extends Versioned> void refreshInBackground(Key key, Supplier<Optional<T>> read) {
        if (!refreshing.add(key)) {
            return;
        }
        refreshes.execute(() -> {
            try {
                // A document gone from the view is left to expire; a store that fails is the next miss's to report.
                read.get().ifPresent(document -> keepNewer(key, document));
            } catch (RuntimeException e) {
                // the entry expires at its time-to-live, and the next read asks the store itself
            } finally {
                refreshing.remove(key);
            }
        });
    }

    /**
     * Concurrent loads may finish out of order; the newer version stays. Reading the same version again renews the
     * entry but keeps the instance, so what was derived from it (its serialized answer) stays valid.
     */
    private void keepNewer(Key key, Versioned document) {
        Entry fresh = new Entry(document, System.nanoTime());
        documents.asMap().merge(key, fresh, (old, loaded) -> {
            long oldVersion = old.document().version();
            long loadedVersion = loaded.document().version();
            if (loadedVersion == oldVersion) {
                return new Entry(old.document(), loaded.readAt());
            }
            return loadedVersion > oldVersion ? loaded : old;
        });
    }

    @Override
    public void destroy() {
        refreshes.close();
    }

    private record Key(String view, String id) {
    }

    /** A document and when it was read from the store ({@link System#nanoTime()}). */
    private record Entry(Versioned document, long readAt) {
    }
}
