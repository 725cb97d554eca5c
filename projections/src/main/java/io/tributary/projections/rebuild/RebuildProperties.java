package io.tributary.projections.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param chunkSize         events a rebuild applies with one bulk read and one bulk write; also how much of the
 *                          event store it holds in memory at once
 * @param lease             how long a rebuild stays its instance's after its last sign of life; another instance
 *                          resumes it from its checkpoint once the lease has run out
 * @param handoverThreshold a rebuild hands over once a pass over the event store found fewer new events than this:
 *                          the live projections wait for the last, short pass
 */
@ConfigurationProperties("tributary.views.rebuild")
public record RebuildProperties(@DefaultValue("10000") int chunkSize,
                                @DefaultValue("30s") Duration lease,
                                @DefaultValue("5000") long handoverThreshold) {
}
