package io.tributary.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreBreakerFilterTest {

    /** As in the command API's application.yml. */
    private final EventStoreBreakerFilter filter = new EventStoreBreakerFilter(CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(5)
                    .minimumNumberOfCalls(3)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofSeconds(2))
                    .permittedNumberOfCallsInHalfOpenState(2)
                    .build()), new ObjectMapper());
    private final AtomicInteger handled = new AtomicInteger();

    /** The rest of the chain, answering 503 store-unavailable as the command API does when PostgreSQL is down. */
    private final FilterChain storeDown = (request, response) -> {
        handled.incrementAndGet();
        EventStoreOutage.write((HttpServletRequest) request, (HttpServletResponse) response, new ObjectMapper());
    };

    @Test
    void onceCommandsFailForWantOfTheDatabaseTheNextIsAnsweredWithoutAskingIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            filter.doFilter(command(), new MockHttpServletResponse(), storeDown);
        }
        MockHttpServletResponse refused = new MockHttpServletResponse();

        filter.doFilter(command(), refused, storeDown);

        assertThat(handled).as("commands that reached the database").hasValue(3);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo(EventStoreOutage.RETRY_AFTER_SECONDS);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains(ProblemTypes.STORE_UNAVAILABLE.toString());
    }

    @Test
    void otherFailuresLeaveCommandsFlowing() throws Exception {
        FilterChain conflict = (request, response) -> {
            handled.incrementAndGet();
            ((HttpServletResponse) response).setStatus(409);
        };
        for (int i = 0; i < 10; i++) {
            filter.doFilter(command(), new MockHttpServletResponse(), conflict);
            if (i % 3 == 0) {
                filter.doFilter(command(), new MockHttpServletResponse(), storeDown);
            }
        }

        assertThat(handled).as("an outage now and then among conflicts keeps the breaker closed").hasValue(14);
    }

    @Test
    void readsDoNotWaitForTheEventStore() throws Exception {
        for (int i = 0; i < 3; i++) {
            filter.doFilter(command(), new MockHttpServletResponse(), storeDown);
        }
        MockHttpServletResponse read = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), read, (request, response) -> handled.incrementAndGet());

        assertThat(handled).hasValue(4);
    }

    private static MockHttpServletRequest command() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/users");
        request.setContent("{}".getBytes());
        return request;
    }
}
