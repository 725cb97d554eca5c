package io.tributary.query.view;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/**
 * The names of the view cache's meters, shared by its levels: {@code tributary.view.cache.requests} counts
 * documents looked up per {@code level} ({@code near}, {@code redis}) and {@code result} ({@code hit}, {@code miss},
 * and for Redis {@code unavailable}: not asked because it failed or its breaker was open);
 * {@code tributary.view.cache.errors} counts failed calls per {@code level} and {@code operation}.
 */
final class ViewCacheMeters {

    static final String REQUESTS = "tributary.view.cache.requests";
    static final String ERRORS = "tributary.view.cache.errors";

    private ViewCacheMeters() {
    }

    static Counter requests(MeterRegistry meters, String level, String result) {
        return Counter.builder(REQUESTS).description("View documents looked up in a cache level")
                .tag("level", level).tag("result", result).register(meters);
    }

    /** For a level that counts by itself: the meter reads {@code count} of {@code source} when scraped. */
    static <T> void requests(MeterRegistry meters, String level, String result, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder(REQUESTS, source, count).description("View documents looked up in a cache level")
                .tag("level", level).tag("result", result).register(meters);
    }

    static Counter errors(MeterRegistry meters, String level, String operation) {
        return Counter.builder(ERRORS).description("Calls to a cache level that failed")
                .tag("level", level).tag("operation", operation).register(meters);
    }
}
