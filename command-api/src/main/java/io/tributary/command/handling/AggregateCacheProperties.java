package io.tributary.command.handling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maximumSize aggregates kept in memory between commands; the least recently used leave first */
@ConfigurationProperties("tributary.aggregate-cache")
record AggregateCacheProperties(@DefaultValue("1000") long maximumSize) {
}
