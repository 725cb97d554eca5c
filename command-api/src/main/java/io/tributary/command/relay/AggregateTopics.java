package io.tributary.command.relay;

import io.tributary.events.AggregateType;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * Creates the topic of every aggregate type: tried once in the background when the service is ready (so
 * consumers can subscribe before the first event), and in any case before the relay's first send. Never at
 * startup itself, so the command API starts and accepts commands while Kafka is unreachable.
 */
@Component
class AggregateTopics {

    private static final Logger log = LoggerFactory.getLogger(AggregateTopics.class);

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

    @EventListener(ApplicationReadyEvent.class)
    void createEarly() {
        Thread.ofVirtual().name("aggregate-topics").start(() -> {
            try {
                ensureCreated();
            } catch (RuntimeException e) {
                log.info("Kafka topics not created yet ({}); the relay creates them before its first send", e.getMessage());
            }
        });
    }

    /** Throws while Kafka is unreachable; the relay batch then fails and is retried. */
    void ensureCreated() {
        if (!created) {
            admin.createOrModifyTopics(topics);
            created = true;
        }
    }
}
