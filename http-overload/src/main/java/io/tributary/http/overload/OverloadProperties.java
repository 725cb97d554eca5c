package io.tributary.http.overload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How much one instance of a service serves at once, {@code tributary.overload.*}.
 *
 * @param enabled               off: no request is shed
 * @param maxConcurrentRequests the most requests the instance serves at once; actuator endpoints are not counted
 * @param maxWait               how long a request beyond that waits for one of them to finish before it is shed
 */
@ConfigurationProperties("tributary.overload")
public record OverloadProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("100") int maxConcurrentRequests,
                                 @DefaultValue("50ms") Duration maxWait) {

    public OverloadProperties {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("tributary.overload.max-concurrent-requests must be at least 1");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("tributary.overload.max-wait must not be negative");
        }
    }
}
