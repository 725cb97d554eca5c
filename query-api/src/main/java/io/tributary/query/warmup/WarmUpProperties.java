package io.tributary.query.warmup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled     off: the instance reports itself ready as soon as it started
 * @param rounds      how often each warm-up request is sent
 * @param maxDuration the longest the warm-up may hold readiness back, whatever it has left
 */
@ConfigurationProperties("tributary.warm-up")
public record WarmUpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("8") int rounds,
                               @DefaultValue("15s") Duration maxDuration) {
}
