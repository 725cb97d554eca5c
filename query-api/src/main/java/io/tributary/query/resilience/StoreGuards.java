package io.tributary.query.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One guard per store, named like its circuit breaker and time limiter in {@code application.yml}
 * ({@code resilience4j.circuitbreaker.instances.mongo}, {@code ...elasticsearch}). The calls' executor is
 * not a bean, so Spring Boot's own task executor stays as it is.
 */
@Configuration(proxyBeanMethods = false)
class StoreGuards implements DisposableBean {

    static final String MONGO = "mongo";
    static final String ELASTICSEARCH = "elasticsearch";

    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("store-call-", 0).factory());

    @Bean
    StoreGuard mongoGuard(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        return new StoreGuard(MONGO, breakers.circuitBreaker(MONGO), timeLimiters.timeLimiter(MONGO), calls);
    }

    @Bean
    StoreGuard elasticsearchGuard(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        return new StoreGuard(ELASTICSEARCH, breakers.circuitBreaker(ELASTICSEARCH),
                timeLimiters.timeLimiter(ELASTICSEARCH), calls);
    }

    @Override
    public void destroy() {
        calls.close();
    }
}
