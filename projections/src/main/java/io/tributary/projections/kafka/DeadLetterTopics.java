package io.tributary.projections.kafka;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dead-letter topics ({@code <topic>.dlt}), created before the first record is sent to one (brokers here do not
 * auto-create topics). Partitions and replication follow the broker's defaults.
 */
@Component
public class DeadLetterTopics {

    private static final String SUFFIX = ".dlt";

    private final KafkaAdmin admin;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    DeadLetterTopics(KafkaAdmin admin) {
        this.admin = admin;
    }

    public static String of(String topic) {
        return topic + SUFFIX;
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(SUFFIX);
    }

    /** The topic whose dead letters {@code deadLetterTopic} holds. */
    public static String originalOf(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length());
    }

    /** Throws while Kafka is unreachable; the error handler then retries the failed record later. */
    void ensureCreated(String deadLetterTopic) {
        if (!created.contains(deadLetterTopic)) {
            admin.createOrModifyTopics(TopicBuilder.name(deadLetterTopic).build());
            created.add(deadLetterTopic);
        }
    }
}
