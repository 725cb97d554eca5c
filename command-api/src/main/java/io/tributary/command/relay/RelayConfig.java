package io.tributary.command.relay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
@EnableScheduling
class RelayConfig {

    /** Axon's default logs and skips an event whose handler fails; the relay must stop and retry instead. */
    @Bean
    ConfigurerModule relayFailuresPropagate() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                KafkaEventRelay.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
