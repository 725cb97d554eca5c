package io.tributary.query.view;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maximumSize  how many documents one instance keeps
 * @param timeToLive   how long a document may be answered from memory without asking MongoDB
 * @param refreshAfter a document asked for when it is older than this is answered and read again in the background
 */
@ConfigurationProperties("tributary.near-cache")
public record NearCacheProperties(@DefaultValue("10000") long maximumSize, @DefaultValue("2s") Duration timeToLive,
                                  @DefaultValue("1s") Duration refreshAfter) {
}
