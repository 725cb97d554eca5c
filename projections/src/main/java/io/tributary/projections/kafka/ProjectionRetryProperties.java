package io.tributary.projections.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Back-off of the projection listeners.
 *
 * @param maxRetries           retries of a failing record before it goes to the dead-letter topic
 * @param initialInterval      first pause between attempts, doubled each time
 * @param maxInterval          longest pause between attempts of a failing record
 * @param outageMaxInterval    longest pause while a view store is unavailable; such failures are retried until
 *                             the store is back, never dead-lettered (must stay below {@code max.poll.interval.ms})
 */
@ConfigurationProperties("tributary.projections.retry")
public record ProjectionRetryProperties(@DefaultValue("4") int maxRetries,
                                        @DefaultValue("200ms") Duration initialInterval,
                                        @DefaultValue("5s") Duration maxInterval,
                                        @DefaultValue("30s") Duration outageMaxInterval) {
}
