package io.tributary.projections.redrive;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class RedriveConfig {

    /** The consumer and producer settings (serializers, acks, idempotence) are the service's own. */
    @Bean
    @SuppressWarnings("unchecked")
    DeadLetterRedrive deadLetterRedrive(ConsumerFactory<?, ?> consumers, KafkaOperations<?, ?> producer,
                                        @Value("${tributary.projections.redrive-max-duration:60s}") Duration maxDuration) {
        return new DeadLetterRedrive((ConsumerFactory<String, byte[]>) consumers,
                (KafkaOperations<String, byte[]>) producer, maxDuration);
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetterRedrive redrive) {
        return new DeadLettersEndpoint(redrive);
    }
}
