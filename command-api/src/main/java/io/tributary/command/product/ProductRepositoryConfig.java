package io.tributary.command.product;

import io.tributary.command.handling.AggregateCaches;
import io.tributary.command.handling.StoreCheckedCachingRepository;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.Repository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
class ProductRepositoryConfig {

    /**
     * Reservations make product streams long; a snapshot every N events keeps loading a product that is not cached
     * cheap (after a restart, or on a replica that has not handled it yet).
     */
    @Bean
    Repository<Product> productRepository(org.axonframework.config.Configuration axon, AggregateCaches caches,
                                          Snapshotter snapshotter, SnapshotProperties properties) {
        return StoreCheckedCachingRepository.of(Product.class, axon, caches.of(Product.class),
                new EventCountSnapshotTriggerDefinition(snapshotter, properties.productThreshold()));
    }
}
