package io.tributary.command.handling;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * One cache per aggregate type: a command may name an aggregate of another type (an order line whose product id is
 * a user's), which must then be looked for in the store, as without a cache, not found in the other type's entries.
 */
public final class AggregateCaches {

    private final long maximumSize;
    private final MeterRegistry meters;

    AggregateCaches(long maximumSize, MeterRegistry meters) {
        this.maximumSize = maximumSize;
        this.meters = meters;
    }

    /**
     * A new cache for {@code type}; its hits, misses, evictions and size are published as
     * {@code cache_gets_total{aggregate="…",cache="aggregates"}} and the like.
     */
    public AggregateCache of(Class<?> type) {
        AggregateCache cache = AggregateCache.ofMaximumSize(maximumSize);
        CaffeineCacheMetrics.monitor(meters, cache.entries(), "aggregates", "aggregate", type.getSimpleName());
        return cache;
    }
}
