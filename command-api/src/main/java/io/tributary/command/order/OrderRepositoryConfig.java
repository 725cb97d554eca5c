package io.tributary.command.order;

import io.tributary.command.handling.AggregateCaches;
import io.tributary.command.handling.StoreCheckedCachingRepository;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderRepositoryConfig {

    @Bean
    Repository<Order> orderRepository(org.axonframework.config.Configuration axon, AggregateCaches caches) {
        return StoreCheckedCachingRepository.of(Order.class, axon, caches.of(Order.class));
    }
}
