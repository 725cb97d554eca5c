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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the buckets are: in Redis, shared by every replica, and in this process while Redis is unreachable or not
 * configured. After a Redis failure the buckets stay local for the retry interval; then one request tries Redis
 * again while the others still count locally, so an outage costs one Redis timeout per interval, not one per
 * request. The current store is the gauge {@value #STORE_METRIC} (1 for the store in use) and the
 * {@code rateLimits} health detail.
 */
final class BucketStore implements AutoCloseable {

    static final String STORE_METRIC = "tributary.rate.limits.store";
    static final String NO_REDIS = "local (no Redis configured)";
    static final String REDIS_UNREACHABLE = "local (Redis unreachable)";
    static final String REDIS = "redis";
    static final String CONNECTING = "local (connecting to Redis)";

    private static final Logger log = LoggerFactory.getLogger(BucketStore.class);
    // Local buckets are forgotten this long after they have refilled, as in Redis.
    private static final Duration KEPT_AFTER_REFILL = Duration.ofSeconds(10);

    private final RedisBuckets redis;
    private final ProxyManager<String> localBuckets;
    private final long retryNanos;
    private final AtomicBoolean retrying = new AtomicBoolean();
    private volatile boolean redisFailed;
    private volatile boolean connecting;
    private volatile long localUntil;

    /** @param redis null when no Redis is configured: the buckets are always local then */
    BucketStore(RedisBuckets redis, Duration retryInterval, long localMaximumBuckets, MeterRegistry meters) {
        this.redis = redis;
        this.retryNanos = retryInterval.toNanos();
        this.localBuckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(localMaximumBuckets))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
                .build();
        Gauge.builder(STORE_METRIC, () -> usesRedis() ? 1 : 0).tag("store", "redis")
                .description("1 while the rate limits' buckets are in Redis, shared by every replica").register(meters);
        Gauge.builder(STORE_METRIC, () -> usesRedis() ? 0 : 1).tag("store", "local")
                .description("1 while the rate limits' buckets are in this process only").register(meters);
        if (redis != null) {
            // At startup, so that requests never queue for a first connection to a Redis that is down; in the
            // background, because while Lettuce connects its tracing asks the application context for beans, which
            // deadlocks when the connection is awaited inside bean creation. Until then buckets are local.
            connecting = true;
            Thread.ofVirtual().name("rate-limits-redis-connect").start(this::connectFirst);
        }
    }

    private void connectFirst() {
        try {
            redis.connect();
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            connecting = false;
        }
    }

    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        if (connecting) {
            return consumeLocally(key, configuration);
        }
        if (redis != null && !redisFailed) {
            return sharedOrLocal(key, configuration);
        }
        if (redis != null && mayRetry()) {
            try {
                return sharedOrLocal(key, configuration);
            } finally {
                retrying.set(false);
            }
        }
        return consumeLocally(key, configuration);
    }

    private ConsumptionProbe sharedOrLocal(String key, BucketConfiguration configuration) {
        try {
            ConsumptionProbe probe = redis.tryConsume(key, configuration);
            if (redisFailed) {
                redisFailed = false;
                log.info("Rate limits are shared through Redis again");
            }
            return probe;
        } catch (RuntimeException e) {
            failed(e);
            return consumeLocally(key, configuration);
        }
    }

    private ConsumptionProbe consumeLocally(String key, BucketConfiguration configuration) {
        return localBuckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    /** Once the retry interval has passed, for one request at a time. */
    private boolean mayRetry() {
        return System.nanoTime() - localUntil >= 0 && retrying.compareAndSet(false, true);
    }

    private void failed(RuntimeException e) {
        if (!redisFailed) {
            log.warn("Redis is unreachable; rate limits are counted per instance for now: {}", e.toString());
        }
        localUntil = System.nanoTime() + retryNanos;
        redisFailed = true;
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    boolean usesRedis() {
        return redis != null && !redisFailed && !connecting;
    }

    /** What the health detail says: {@value #REDIS}, or local and why. */
    String description() {
        if (redis == null) {
            return NO_REDIS;
        }
        if (connecting) {
            return CONNECTING;
        }
        return redisFailed ? REDIS_UNREACHABLE : REDIS;
    }
}
