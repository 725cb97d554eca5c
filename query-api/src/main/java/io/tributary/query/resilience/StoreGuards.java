package io.tributary.query.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One guard per store, named like its circuit breaker and time limiter in {@code application.yml}
 * ({@code resilience4j.circuitbreaker.instances.mongo}, {@code ...elasticsearch}, {@code ...redis}). The calls' executor is
 * not a bean, so Spring Boot's own task executor stays as it is.
 */
@Configuration(proxyBeanMethods = false)
class StoreGuards implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreGuards.class);

    static final String MONGO = "mongo";
    static final String ELASTICSEARCH = "elasticsearch";
    static final String REDIS = "redis";

    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("store-call-", 0).factory());

    @Bean
    StoreGuard mongoGuard(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        return guard(MONGO, breakers, timeLimiters);
    }

    @Bean
    StoreGuard elasticsearchGuard(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        return guard(ELASTICSEARCH, breakers, timeLimiters);
    }

    /** The second cache level: its failures are misses for the readers, never answers of their own. */
    @Bean
    StoreGuard redisGuard(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        return guard(REDIS, breakers, timeLimiters);
    }

    /** Logs each change of a breaker's state once, rather than every refused request. */
    private StoreGuard guard(String store, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        CircuitBreaker breaker = breakers.circuitBreaker(store);
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Circuit breaker of {}: {}", store, event.getStateTransition()));
        return new StoreGuard(store, breaker, timeLimiters.timeLimiter(store), calls);
    }

    @Override
    public void destroy() {
        calls.close();
    }
}
