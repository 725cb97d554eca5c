package io.tributary.command.order;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderFulfilmentConfig {

    static final String PROCESSING_GROUP = "OrderFulfilmentProcessor";

    /**
     * A saga step that fails (e.g. a stock command that timed out) must be retried, not skipped: skipping
     * would leave an order PENDING with stock reserved forever. Retries are safe because stock commands are
     * idempotent per order.
     */
    @Bean
    ConfigurerModule orderFulfilmentFailuresPropagate() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
