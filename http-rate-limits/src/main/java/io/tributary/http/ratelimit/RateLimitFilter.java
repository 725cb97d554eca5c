package io.tributary.http.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.http.ProblemResponses;
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
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts every request a policy's route matches against its subject's bucket: the authenticated principal, else
 * the client's address. Answers carry the policy and what is left of it in the {@value #POLICY} and
 * {@value #LIMIT} fields (draft-ietf-httpapi-ratelimit-headers); a request over the limit is refused with 429
 * problem+json and {@code Retry-After}.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    public static final String POLICY = "RateLimit-Policy";
    public static final String LIMIT = "RateLimit";
    static final URI RATE_LIMITED = URI.create("urn:tributary:problem:rate-limited");
    static final String REJECTIONS_METRIC = "tributary.rate.limits.rejections";

    private final RateLimitRoutes routes;
    private final BucketStore buckets;
    private final String keyPrefix;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    RateLimitFilter(RateLimitRoutes routes, BucketStore buckets, String keyPrefix, ObjectMapper json,
                    MeterRegistry meters) {
        this.routes = routes;
        this.buckets = buckets;
        this.keyPrefix = keyPrefix;
        this.json = json;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimitPolicy> policy = routes.policyOf(request);
        if (policy.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitPolicy limit = policy.get();
        ConsumptionProbe probe = buckets.tryConsume(keyPrefix + limit.name() + ":" + subject(request), limit.bucket());
        response.setHeader(POLICY, limit.policyField());
        response.setHeader(LIMIT, "\"" + limit.name() + "\";r=" + probe.getRemainingTokens()
                + ";t=" + wholeSeconds(probe.getNanosToWaitForReset()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
        } else {
            refuse(request, response, limit, probe);
        }
    }

    /**
     * Whose bucket: the name Spring Security authenticated, else the client's address (behind a proxy, the one
     * Tomcat's RemoteIpValve took from X-Forwarded-For).
     */
    static String subject(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal != null ? "user:" + principal.getName() : "ip:" + request.getRemoteAddr();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RateLimitPolicy limit,
                        ConsumptionProbe probe) throws IOException {
        Counter.builder(REJECTIONS_METRIC).tag("policy", limit.name())
                .description("Requests refused with 429 because their subject's bucket was empty")
                .register(meters).increment();
        long retryAfter = Math.max(1, wholeSeconds(probe.getNanosToWaitForRefill()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "The " + limit.name() + " rate limit of " + limit.capacity() + " requests per "
                        + limit.period().toSeconds() + " s is used up; retry in " + retryAfter + " s.");
        problem.setType(RATE_LIMITED);
        problem.setTitle("Too many requests");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemResponses.write(response, problem, json);
    }

    private static long wholeSeconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
