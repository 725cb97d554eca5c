package io.tributary.command.eventstore;

import io.tributary.events.product.ProductAddedUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Upcasters of the published language; Axon applies every upcaster bean when reading the event store. */
@Configuration(proxyBeanMethods = false)
class UpcasterConfig {

    @Bean
    ProductAddedUpcaster productAddedUpcaster() {
        return new ProductAddedUpcaster();
    }
}
