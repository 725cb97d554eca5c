package io.tributary.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxWait      how long a read with a Consistency-Token may wait for the view to catch up
 * @param firstPause   the pause before the view is asked again the first time
 * @param longestPause the pause between two askings never grows beyond this
 */
@ConfigurationProperties("tributary.consistency")
public record ConsistencyProperties(@DefaultValue("2s") Duration maxWait, @DefaultValue("2ms") Duration firstPause,
                                    @DefaultValue("25ms") Duration longestPause) {
}
