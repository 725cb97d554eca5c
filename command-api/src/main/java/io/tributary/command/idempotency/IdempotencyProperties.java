package io.tributary.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retention     how long a stored answer is replayed for a retried Idempotency-Key (clients retry for 24 h)
 * @param purgeInterval how often answers older than the retention are deleted
 */
@ConfigurationProperties("tributary.idempotency")
record IdempotencyProperties(@DefaultValue("48h") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
}
