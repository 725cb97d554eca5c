package io.tributary.http.overload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Load shedding in every servlet service that depends on this module, unless {@code tributary.overload.enabled} is
 * false.
 * <p>
 * A module of its own rather than a part of {@code http-rate-limits}: a rate limit is fairness between clients,
 * counted per subject after authentication and shared by the replicas through Redis; shedding protects one
 * instance from all clients together, must run before any of that work (and before Redis could be asked), and
 * needs neither Redis nor a subject. They are switched on and off, and tested, independently.
 * <p>
 * One Resilience4j semaphore bulkhead per instance bounds the requests it serves at once. Tomcat's thread pool
 * does not: the services serve requests on virtual threads, one per request however many arrive, so without the
 * bulkhead an overload queues work in the stores' connection pools and the heap, and latency grows for as long as it
 * lasts. With platform threads the limit would have to stay below {@code server.tomcat.threads.max}, or the excess
 * would queue in Tomcat before the filter sees it; the default, 100, is half Tomcat's default of 200.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "tributary.overload", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OverloadProperties.class)
public class OverloadAutoConfiguration {

    /**
     * Just inside Spring Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}) and the access log ({@code + 2}),
     * so a shed request is still traced, counted in {@code http.server.requests} and logged with its 503; before
     * everything that costs: the command API's body size limit ({@code + 10}), Spring Security's chain that decodes
     * the bearer token ({@code SecurityProperties.DEFAULT_FILTER_ORDER}) and the rate limits after it, which may ask
     * Redis.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    @Bean
    FilterRegistrationBean<OverloadFilter> overloadFilter(OverloadProperties properties, Environment environment,
                                                         ObjectMapper json, MeterRegistry meters) {
        Bulkhead bulkhead = Bulkhead.of("http-requests", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentRequests())
                .maxWaitDuration(properties.maxWait())
                .build());
        String actuatorPath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        FilterRegistrationBean<OverloadFilter> registration =
                new FilterRegistrationBean<>(new OverloadFilter(bulkhead, actuatorPath, json, meters));
        registration.setOrder(ORDER);
        return registration;
    }
}
