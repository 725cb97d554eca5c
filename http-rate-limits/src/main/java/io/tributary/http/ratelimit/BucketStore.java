package io.tributary.http.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Where the buckets are: in Redis, shared by every replica, and in this process while Redis is unreachable or not
 * configured. After a Redis failure the buckets stay local for the retry interval, so an outage costs one Redis
 * timeout per interval, not one per request; then Redis is tried again. The current store is the gauge
 * {@value #STORE_METRIC} (1 for the store in use) and the {@code rateLimits} health detail.
 */
final class BucketStore implements AutoCloseable {

    static final String STORE_METRIC = "tributary.rate.limits.store";
    static final String NO_REDIS = "local (no Redis configured)";
    static final String REDIS_UNREACHABLE = "local (Redis unreachable)";
    static final String REDIS = "redis";

    private static final Logger log = LoggerFactory.getLogger(BucketStore.class);
    // Local buckets are forgotten this long after they have refilled, as in Redis.
    private static final Duration KEPT_AFTER_REFILL = Duration.ofSeconds(10);

    private final RedisBuckets redis;
    private final ProxyManager<String> local;
    private final long retryNanos;
    private volatile boolean redisFailed;
    private volatile long localUntil;

    /** @param redis null when no Redis is configured: the buckets are always local then */
    BucketStore(RedisBuckets redis, Duration retryInterval, long localMaximumBuckets, MeterRegistry meters) {
        this.redis = redis;
        this.retryNanos = retryInterval.toNanos();
        this.local = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(localMaximumBuckets))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
                .build();
        Gauge.builder(STORE_METRIC, () -> usesRedis() ? 1 : 0).tag("store", "redis")
                .description("1 while the rate limits' buckets are in Redis, shared by every replica").register(meters);
        Gauge.builder(STORE_METRIC, () -> usesRedis() ? 0 : 1).tag("store", "local")
                .description("1 while the rate limits' buckets are in this process only").register(meters);
    }

    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        if (redis != null && (!redisFailed || System.nanoTime() - localUntil >= 0)) {
            try {
                ConsumptionProbe probe = redis.tryConsume(key, configuration);
                if (redisFailed) {
                    redisFailed = false;
                    log.info("Rate limits are shared through Redis again");
                }
                return probe;
            } catch (RuntimeException e) {
                if (!redisFailed) {
                    log.warn("Redis is unreachable; rate limits are counted per instance for now: {}", e.toString());
                }
                localUntil = System.nanoTime() + retryNanos;
                redisFailed = true;
            }
        }
        return local.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    boolean usesRedis() {
        return redis != null && !redisFailed;
    }

    /** What the health detail says: {@value #REDIS}, or local and why. */
    String description() {
        if (redis == null) {
            return NO_REDIS;
        }
        return redisFailed ? REDIS_UNREACHABLE : REDIS;
    }
}
