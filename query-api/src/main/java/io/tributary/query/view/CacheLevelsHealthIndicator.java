package io.tributary.query.view;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code cacheLevels} health component: always UP, because reads never depend on Redis; its detail says
 * whether the Redis level is in use. Spring Boot's own Redis indicator is off, so an outage of Redis never makes
 * the query API down or not ready.
 */
@Component
class CacheLevelsHealthIndicator implements HealthIndicator {

    static final String UNREACHABLE = "unreachable, reads served from the near cache and MongoDB";
    static final String OFF = "off, no spring.data.redis.url configured";

    private final RedisCache redis;

    CacheLevelsHealthIndicator(RedisCache redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        String redisLevel = !redis.enabled() ? OFF : redis.reachable() ? "up" : UNREACHABLE;
        return Health.up().withDetail("near", "up").withDetail(RedisCache.LEVEL, redisLevel).build();
    }
}
