package io.tributary.command.user;

import io.tributary.command.handling.AggregateCaches;
import io.tributary.command.handling.StoreCheckedCachingRepository;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UserRepositoryConfig {

    @Bean
    Repository<User> userRepository(org.axonframework.config.Configuration axon, AggregateCaches caches) {
        return StoreCheckedCachingRepository.of(User.class, axon, caches.of(User.class));
    }
}
