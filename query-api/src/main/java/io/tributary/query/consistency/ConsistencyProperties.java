package io.tributary.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param maxWait how long a read with a Consistency-Token may wait for the view to catch up */
@ConfigurationProperties("tributary.consistency")
public record ConsistencyProperties(@DefaultValue("2s") Duration maxWait) {
}
