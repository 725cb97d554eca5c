package io.tributary.query.view;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maximumSize how many documents one instance keeps
 * @param timeToLive  how long a document may be answered from memory without asking MongoDB
 */
@ConfigurationProperties("tributary.near-cache")
public record NearCacheProperties(@DefaultValue("10000") long maximumSize, @DefaultValue("2s") Duration timeToLive) {
}
