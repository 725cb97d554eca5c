package io.tributary.query.view;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.query.http.StoreUnavailableException;
import io.tributary.query.resilience.StoreGuard;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;

/**
 * The second cache level, shared by every query-api replica: view documents in Redis under
 * {@code tributary:view:<collection>:<id>}, written after each MongoDB read and kept {@code time-to-live}. The key
 * names the view's active collection, so a rebuilt view switched in never answers from its predecessor's entries.
 * An entry older than the version a consistency token demands is a miss. Every call goes through the
 * {@code redis} store guard; a failed or refused call is a miss for the reader and never an error, so while Redis
 * is down reads go from the near cache to MongoDB. Off when no {@code spring.data.redis.url} is set.
 */
@Component
class RedisCache implements DisposableBean {

    static final String LEVEL = "redis";

    /**
     * Writes each value unless its key holds a newer version: concurrent writers (replicas, background refreshes)
     * may finish out of order, and the newer document must stay. An equal version is written again, which renews
     * its time to live. ARGV[1] is the time to live in ms; ARGV[i + 1] the value of KEYS[i].
     */
    private static final RedisScript<Long> KEEP_NEWER = RedisScript.of("""
            local function version(value) return tonumber(string.match(value, '^(%d+):')) or -1 end
            for i, key in ipairs(KEYS) do
              local value = ARGV[i + 1]
              local held = redis.call('GET', key)
              if not held or version(held) <= version(value) then
                redis.call('SET', key, value, 'PX', ARGV[1])
              end
            end
            return #KEYS
            """, Long.class);

    private final RedisTemplate<String, byte[]> redis;
    private final StoreGuard guard;
    private final CircuitBreaker breaker;
    private final byte[] timeToLiveMillis;
    private final ExecutorService writes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("redis-cache-write-", 0).factory());
    private final Counter hits;
    private final Counter misses;
    private final Counter unavailable;
    private final Counter readErrors;
    private final Counter writeErrors;

    RedisCache(RedisProperties redisProperties, ObjectProvider<RedisConnectionFactory> connections,
               RedisCacheProperties properties, StoreGuard redisGuard, CircuitBreakerRegistry breakers,
               MeterRegistry meters) {
        this.redis = StringUtils.hasText(redisProperties.getUrl()) ? template(connections.getObject()) : null;
        this.guard = redisGuard;
        this.breaker = breakers.circuitBreaker(LEVEL);
        this.timeToLiveMillis = Long.toString(properties.timeToLive().toMillis()).getBytes(StandardCharsets.US_ASCII);
        this.hits = ViewCacheMeters.requests(meters, LEVEL, "hit");
        this.misses = ViewCacheMeters.requests(meters, LEVEL, "miss");
        this.unavailable = ViewCacheMeters.requests(meters, LEVEL, "unavailable");
        this.readErrors = ViewCacheMeters.errors(meters, LEVEL, "read");
        this.writeErrors = ViewCacheMeters.errors(meters, LEVEL, "write");
        if (redis != null) {
            writes.execute(this::connect);
        }
    }

    /**
     * Opens the connection in the background at startup: the first connection of a JVM takes longer than Redis'
     * time limit, and the first reads should not pay for it. A Redis that is down is the first reads' to find.
     */
    private void connect() {
        try {
            redis.execute(RedisConnection::ping, true);
        } catch (RuntimeException e) {
            // not counted: no read waited for it
        }
    }

    boolean enabled() {
        return redis != null;
    }

    /** Whether Redis is being asked: its circuit breaker is closed (open or half-open after failures). */
    boolean reachable() {
        return breaker.getState() == CircuitBreaker.State.CLOSED;
    }

    /**
     * With one MGET: the documents of these ids Redis holds at version {@code atLeast(id)} or newer. Empty when the
     * level is off or Redis cannot answer.
     */
    Map<String, RedisEntry> getAll(String collection, List<String> ids, ToLongFunction<String> atLeast) {
        if (redis == null || ids.isEmpty()) {
            return Map.of();
        }
        List<String> keys = ids.stream().map(id -> key(collection, id)).toList();
        List<byte[]> values;
        try {
            values = guard.call(() -> redis.opsForValue().multiGet(keys));
        } catch (StoreUnavailableException e) {
            unavailable.increment(ids.size());
            countFailure(e, readErrors);
            return Map.of();
        }
        Map<String, RedisEntry> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byte[] value = values == null ? null : values.get(i);
            if (value != null) {
                RedisEntry entry = RedisEntry.from(value);
                if (entry.version() >= atLeast.applyAsLong(ids.get(i))) {
                    found.put(ids.get(i), entry);
                }
            }
        }
        hits.increment(found.size());
        misses.increment(ids.size() - found.size());
        return found;
    }

    /** Hands documents just read from MongoDB to Redis in the background: a read never waits for Redis to store. */
    void offer(String collection, Map<String, RedisEntry> documents) {
        if (redis != null && !documents.isEmpty()) {
            writes.execute(() -> store(collection, documents));
        }
    }

    /** Stores the documents in one script call, keeping any newer version Redis already holds. */
    void store(String collection, Map<String, RedisEntry> documents) {
        List<String> keys = new ArrayList<>(documents.size());
        List<byte[]> values = new ArrayList<>(documents.size() + 1);
        values.add(timeToLiveMillis);
        documents.forEach((id, entry) -> {
            keys.add(key(collection, id));
            values.add(entry.bytes());
        });
        try {
            guard.call(() -> redis.execute(KEEP_NEWER, keys, values.toArray()));
        } catch (StoreUnavailableException e) {
            countFailure(e, writeErrors);
        }
    }

    static String key(String collection, String id) {
        return "tributary:view:" + collection + ":" + id;
    }

    /** A call the open breaker refused never reached Redis: only real failures are errors. */
    private static void countFailure(StoreUnavailableException e, Counter errors) {
        if (!(e.getCause() instanceof CallNotPermittedException)) {
            errors.increment();
        }
    }

    private static RedisTemplate<String, byte[]> template(RedisConnectionFactory connections) {
        RedisTemplate<String, byte[]> template = new RedisTemplate<>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        return template;
    }

    @Override
    public void destroy() {
        writes.close();
    }
}
