package io.tributary.http.overload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.http.ProblemResponses;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Sheds load: a request is served only while the instance serves fewer than its limit of requests at once, or once
 * one of them finishes within the short wait the bulkhead allows; otherwise it is refused at once with 503
 * problem+json and {@code Retry-After: 1}. A client is better off retrying a second later, perhaps on another
 * replica, than waiting in a queue that grows for as long as the overload lasts. The actuator endpoints are never
 * shed, so probes and scrapers keep getting answers while the API is overloaded.
 */
public final class OverloadFilter extends OncePerRequestFilter {

    static final URI OVERLOADED = URI.create("urn:tributary:problem:overloaded");
    static final String SHED_METRIC = "tributary.overload.shed";
    static final String IN_FLIGHT_METRIC = "tributary.overload.in.flight";
    /** The least whole number of seconds the header can say; requests in flight are answered well within it. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final Bulkhead bulkhead;
    private final String actuatorPath;
    private final ObjectMapper json;
    private final Counter shed;

    OverloadFilter(Bulkhead bulkhead, String actuatorPath, ObjectMapper json, MeterRegistry meters) {
        this.bulkhead = bulkhead;
        this.actuatorPath = actuatorPath;
        this.json = json;
        this.shed = Counter.builder(SHED_METRIC)
                .description("Requests refused with 503 because the instance was serving its limit of requests at once")
                .register(meters);
        Gauge.builder(IN_FLIGHT_METRIC, bulkhead, OverloadFilter::inFlight)
                .description("Requests the instance serves at this moment, at most its limit")
                .strongReference(true)
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Decoded and normalized by Tomcat, so no spelling of an API path passes for an actuator one.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals(actuatorPath) || path.startsWith(actuatorPath + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bulkhead.tryAcquirePermission()) {
            refuse(request, response);
            return;
        }
        boolean async = false;
        try {
            chain.doFilter(request, response);
            async = request.isAsyncStarted();
        } finally {
            if (async) {
                // Served on after this thread returns (a streamed or deferred answer): in flight until it completes.
                request.getAsyncContext().addListener(new ReleaseOnCompletion(bulkhead));
            } else {
                bulkhead.onComplete();
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        shed.increment();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is serving as many requests as it can; retry in " + RETRY_AFTER_SECONDS + " s.");
        problem.setType(OVERLOADED);
        problem.setTitle("Overloaded");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        ProblemResponses.write(response, problem, json);
    }

    private static int inFlight(Bulkhead bulkhead) {
        Bulkhead.Metrics metrics = bulkhead.getMetrics();
        return metrics.getMaxAllowedConcurrentCalls() - metrics.getAvailableConcurrentCalls();
    }

    /**
     * Gives the permit back once an asynchronous request is over: answered, timed out or failed, the container
     * completes it in every case.
     */
    private record ReleaseOnCompletion(Bulkhead bulkhead) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            bulkhead.onComplete();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        /** Asynchronous again in a later dispatch: the listeners of the first round hear nothing unless added again. */
        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
