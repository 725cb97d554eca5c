package io.tributary.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Answers commands {@code 503 store-unavailable} at once while PostgreSQL is down, instead of holding each for the
 * pool's connection timeout: a circuit breaker ({@code resilience4j.circuitbreaker.instances.eventStore}) counts the
 * commands answered so ({@link EventStoreOutage}); once enough of the last ones were, it opens and refuses commands
 * without touching the database, and after a short wait lets a few through to learn whether the database is back.
 * It runs after the security filters (a refused caller still gets 401 or 403) and before the idempotency filter,
 * the first to ask the database.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 5)
class EventStoreBreakerFilter extends OncePerRequestFilter {

    static final String BREAKER = "eventStore";
    private static final Logger log = LoggerFactory.getLogger(EventStoreBreakerFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final CircuitBreaker breaker;
    private final ObjectMapper json;

    EventStoreBreakerFilter(CircuitBreakerRegistry breakers, ObjectMapper json) {
        this.breaker = breakers.circuitBreaker(BREAKER);
        this.json = json;
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Circuit breaker of the event store: {}", event.getStateTransition()));
    }

    /** Commands only: reads (OpenAPI, health, metrics) do not need the event store. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!breaker.tryAcquirePermission()) {
            EventStoreOutage.write(request, response, json);
            return;
        }
        long started = System.nanoTime();
        boolean outage = false;
        try {
            chain.doFilter(request, response);
            outage = EventStoreOutage.answered(request);
        } catch (IOException | ServletException | RuntimeException e) {
            outage = EventStoreOutage.causedBy(e);
            throw e;
        } finally {
            long took = System.nanoTime() - started;
            if (outage) {
                breaker.onError(took, TimeUnit.NANOSECONDS, new EventStoreUnavailableException());
            } else {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** What the breaker records for a command answered 503 store-unavailable. */
    static final class EventStoreUnavailableException extends RuntimeException {
        EventStoreUnavailableException() {
            super("the event store could not be reached", null, false, false);
        }
    }
}
