package io.tributary.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces the registry Axon's auto-configuration would build (it steps back for this bean). */
@Configuration(proxyBeanMethods = false)
class MessageMetricsConfig {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new MessageMetrics(meterRegistry);
    }
}
