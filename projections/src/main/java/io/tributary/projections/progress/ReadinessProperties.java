package io.tributary.projections.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param readyLagLimit how far behind (the age of its newest applied event while records wait) a view may fall before
 *                      the service is not ready
 */
@ConfigurationProperties("tributary.views")
record ReadinessProperties(@DefaultValue("30s") Duration readyLagLimit) {
}
