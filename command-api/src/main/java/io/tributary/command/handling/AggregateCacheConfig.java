package io.tributary.command.handling;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateCacheProperties.class)
class AggregateCacheConfig {

    @Bean
    AggregateCaches aggregateCaches(AggregateCacheProperties properties, MeterRegistry meters) {
        return new AggregateCaches(properties.maximumSize(), meters);
    }
}
