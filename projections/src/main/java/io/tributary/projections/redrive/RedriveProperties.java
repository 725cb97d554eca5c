package io.tributary.projections.redrive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param redriveMaxDuration longest one re-drive request runs; what is left waits for the next request */
@ConfigurationProperties("tributary.projections")
record RedriveProperties(@DefaultValue("60s") Duration redriveMaxDuration) {
}
