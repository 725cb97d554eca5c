package io.tributary.query.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A small per-instance cache of hot view documents, keyed by view and id. An entry older than the version a
 * client's consistency token demands is never answered: that read goes to the store and refreshes the entry.
 * Hits and misses are counted by hand (a stale entry is a miss) and published as the {@code views} cache.
 */
@Component
class NearCache {

    private final ConcurrentStatsCounter stats = new ConcurrentStatsCounter();
    private final Cache<Key, Versioned> documents;

    NearCache(NearCacheProperties properties, MeterRegistry meters) {
        this.documents = Caffeine.newBuilder()
                .maximumSize(properties.maximumSize())
                .expireAfterWrite(properties.timeToLive())
                .recordStats(() -> stats)
                .build();
        CaffeineCacheMetrics.monitor(meters, documents, "views");
    }

    /** The cached document when it has at least version {@code atLeast}, else what the loader finds (then cached). */
    @SuppressWarnings("unchecked")
    <T extends Versioned> Optional<T> get(String view, String id, long atLeast, Supplier<Optional<T>> loader) {
        Key key = new Key(view, id);
        Versioned cached = documents.asMap().get(key);
        if (cached != null && cached.version() >= atLeast) {
            stats.recordHits(1);
            return Optional.of((T) cached);
        }
        stats.recordMisses(1);
        Optional<T> loaded = loader.get();
        // Concurrent loads may finish out of order; the newer version stays.
        loaded.ifPresent(document -> documents.asMap().merge(key, document,
                (old, fresh) -> fresh.version() >= old.version() ? fresh : old));
        return loaded;
    }

    private record Key(String view, String id) {
    }
}
