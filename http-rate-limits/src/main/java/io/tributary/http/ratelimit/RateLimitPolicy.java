package io.tributary.http.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;

/**
 * One named limit: {@code capacity} requests per {@code period} and subject, refilled evenly over the period, so a
 * subject may spend the whole capacity at once and then goes on at the sustained rate.
 */
public record RateLimitPolicy(String name, long capacity, Duration period) {

    public RateLimitPolicy {
        if (period == null) {
            throw new IllegalArgumentException("rate limit policy " + name + ": period is not set");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("rate limit policy " + name + ": capacity must be at least 1");
        }
        // The RateLimit-Policy header states the window in whole seconds.
        if (period.toMillis() < 1000 || period.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("rate limit policy " + name + ": period must be whole seconds");
        }
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    /** The policy as a member of the RateLimit-Policy field: quota {@code q} per window {@code w} seconds. */
    String policyField() {
        return "\"" + name + "\";q=" + capacity + ";w=" + period.toSeconds();
    }
}
