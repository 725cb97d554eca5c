package io.tributary.command.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param partitions   partitions per aggregate topic; bounds how many projection consumers can share the load
 * @param replicas     replication factor of the topics (1 locally, 3 in production)
 * @param ackTimeout      how long a batch waits for Kafka before it fails and is retried
 * @param backlogInterval how often the relay's backlog is measured in the event store and published as gauges
 */
@ConfigurationProperties("tributary.relay")
record RelayProperties(@DefaultValue("6") int partitions,
                       @DefaultValue("1") short replicas,
                       @DefaultValue("30s") Duration ackTimeout,
                       @DefaultValue("5s") Duration backlogInterval) {
}
