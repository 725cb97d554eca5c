package io.tributary.http.ratelimit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code rateLimits} health component: always UP, since requests are limited either way, with the store in use
 * as its {@code store} detail, so that limits counted per instance are visible.
 */
final class RateLimitsHealthIndicator implements HealthIndicator {

    private final BucketStore buckets;

    RateLimitsHealthIndicator(BucketStore buckets) {
        this.buckets = buckets;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("store", buckets.description()).build();
    }
}
