package io.tributary.projections.redrive;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;


@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedriveProperties.class)
class RedriveConfig {

    /** The consumer and producer settings (serializers, acks, idempotence) are the service's own. */
    @Bean
    @SuppressWarnings("unchecked")
    DeadLetterRedrive deadLetterRedrive(ConsumerFactory<?, ?> consumers, KafkaOperations<?, ?> producer,
                                        RedriveProperties properties) {
        return new DeadLetterRedrive((ConsumerFactory<String, byte[]>) consumers,
                (KafkaOperations<String, byte[]>) producer, properties.redriveMaxDuration());
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetterRedrive redrive) {
        return new DeadLettersEndpoint(redrive);
    }
}
