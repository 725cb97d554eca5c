package io.tributary.projections.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param lagInterval how often each projection's lag is asked of Kafka and published as gauges
 * @param lagTimeout  how long one lag question may take before the gauges say unknown (-1)
 */
@ConfigurationProperties("tributary.projections")
record LagProperties(@DefaultValue("5s") Duration lagInterval, @DefaultValue("3s") Duration lagTimeout) {
}
