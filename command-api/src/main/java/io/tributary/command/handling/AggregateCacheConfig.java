package io.tributary.command.handling;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AggregateCacheConfig {

    /** One cache for every aggregate type: their identifiers are UUIDs, so they never collide. */
    @Bean
    AggregateCache aggregateCache(@Value("${tributary.aggregate-cache.maximum-size:10000}") long maximumSize) {
        return AggregateCache.ofMaximumSize(maximumSize);
    }

    /** Hits, misses, evictions and size as cache_gets_total{cache="aggregates"} and the like. */
    @Bean
    MeterBinder aggregateCacheMetrics(AggregateCache cache) {
        return registry -> CaffeineCacheMetrics.monitor(registry, cache.entries(), "aggregates");
    }
}
