package io.tributary.http.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.StringUtils;

/**
 * The rate limits in every servlet service that depends on this module, unless {@code tributary.rate-limits.enabled}
 * is false.
 */
@AutoConfiguration(after = RedisAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "tributary.rate-limits", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

    /**
     * After Spring Security's filter chain, which sets the principal the buckets are keyed by, and before the
     * command API's idempotency filter (at {@code + 10}), so a retry counts against the limit like any request.
     */
    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 5;

    @Bean
    BucketStore rateLimitBuckets(RateLimitProperties properties, Environment environment,
                                 ObjectProvider<LettuceConnectionFactory> redis, MeterRegistry meters) {
        return new BucketStore(redisBuckets(environment, redis), properties.redisRetryInterval(),
                properties.localMaximumBuckets(), meters);
    }

    @Bean
    RateLimitsHealthIndicator rateLimitsHealthIndicator(BucketStore buckets) {
        return new RateLimitsHealthIndicator(buckets);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, BucketStore buckets,
                                                           ObjectMapper json, MeterRegistry meters) {
        RateLimitFilter filter = new RateLimitFilter(RateLimitRoutes.of(properties.policies()), buckets,
                properties.keyPrefix(), json, meters);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        return registration;
    }

    /** Spring Boot's connection to Redis, if one is configured; Boot defaults to localhost even when none is. */
    private static RedisBuckets redisBuckets(Environment environment, ObjectProvider<LettuceConnectionFactory> redis) {
        LettuceConnectionFactory factory = redis.getIfAvailable();
        boolean configured = StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
        if (factory == null || !configured) {
            return null;
        }
        if (!(factory.getRequiredNativeClient() instanceof RedisClient client)) {
            throw new IllegalStateException("Rate limits need a standalone Redis (spring.data.redis.url), not a cluster");
        }
        return new RedisBuckets(client, factory.getClientConfiguration().getCommandTimeout());
    }
}
