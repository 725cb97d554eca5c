package io.tributary.command.relay;

import io.tributary.events.AggregateType;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * Creates the topic of every aggregate type before the relay's first send. Done lazily rather than at
 * startup, so the command API starts and accepts commands while Kafka is unreachable.
 */
@Component
class AggregateTopics {

    private final KafkaAdmin admin;
    private final NewTopic[] topics;
    private volatile boolean created;

    AggregateTopics(KafkaAdmin admin, RelayProperties properties) {
        this.admin = admin;
        this.topics = Arrays.stream(AggregateType.values())
                .map(type -> TopicBuilder.name(type.topic())
                        .partitions(properties.partitions())
                        .replicas(properties.replicas())
                        .build())
                .toArray(NewTopic[]::new);
    }

    /** Throws while Kafka is unreachable; the relay batch then fails and is retried. */
    void ensureCreated() {
        if (!created) {
            admin.createOrModifyTopics(topics);
            created = true;
        }
    }
}
