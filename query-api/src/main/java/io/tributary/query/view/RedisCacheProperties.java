package io.tributary.query.view;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The Redis level is on when {@code spring.data.redis.url} is set.
 *
 * @param timeToLive how long Redis keeps a document read from MongoDB; each later MongoDB read of it starts the time again
 */
@ConfigurationProperties("tributary.redis-cache")
public record RedisCacheProperties(@DefaultValue("2s") Duration timeToLive) {
}
