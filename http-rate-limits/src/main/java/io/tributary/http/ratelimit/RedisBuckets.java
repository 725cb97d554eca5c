package io.tributary.http.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import java.time.Duration;

/**
 * Buckets in Redis, which every replica of a service shares: each request is one compare-and-swap on its bucket's
 * key. Once connected, Lettuce reconnects by itself; until then every use tries to connect. A failure is thrown to
 * the caller.
 */
final class RedisBuckets implements AutoCloseable {

    // A full bucket is the same as none: Redis forgets it a little after it has refilled.
    private static final Duration KEPT_AFTER_REFILL = Duration.ofSeconds(10);

    private final RedisClient client;
    private final Duration timeout;
    private StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    /** @param timeout how long one bucket operation may wait for Redis */
    RedisBuckets(RedisClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        ProxyManager<String> connected = buckets;
        if (connected == null) {
            connected = connect();
        }
        return connected.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    synchronized ProxyManager<String> connect() {
        if (buckets == null) {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .requestTimeout(timeout)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
                    .build();
        }
        return buckets;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
