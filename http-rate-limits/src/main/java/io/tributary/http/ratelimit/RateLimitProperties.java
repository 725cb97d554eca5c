package io.tributary.http.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The rate limits of one service, {@code tributary.rate-limits.*}: its policies, each with the routes it limits.
 *
 * @param enabled             off: no request is counted or refused
 * @param keyPrefix           prefix of every bucket's Redis key; replicas of one service share buckets through it
 * @param redisRetryInterval  how long buckets stay local after Redis failed before Redis is tried again
 * @param localMaximumBuckets the most buckets one instance keeps while it counts locally
 * @param policies            by policy name, which the RateLimit headers and the metrics carry
 */
@ConfigurationProperties("tributary.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("tributary:rate:") String keyPrefix,
                                  @DefaultValue("5s") Duration redisRetryInterval,
                                  @DefaultValue("100000") long localMaximumBuckets,
                                  Map<String, Policy> policies) {

    public RateLimitProperties {
        policies = policies == null ? Map.of() : Map.copyOf(policies);
    }

    /**
     * @param capacity requests a subject may make in one period, all at once if it likes (the burst)
     * @param period   the time in which a used-up capacity is refilled, evenly; whole seconds
     * @param routes   what the policy limits: {@code [METHOD ]/path/pattern[?parameter]}, e.g.
     *                 {@code GET /api/v1/products?q}; the most specific route of all policies wins
     */
    public record Policy(long capacity, Duration period, List<String> routes) {
    }
}
