package io.tributary.http.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Gives every request an id, in the log context of everything logged while it is served and in the answer's
 * {@value #REQUEST_ID} header, and logs one line per request when it has been answered: method, path, status and
 * duration. Runs inside the request's trace (see {@link AccessLogAutoConfiguration}), so that line carries the
 * trace id too.
 */
public final class AccessLogFilter extends OncePerRequestFilter {

    /** The header a caller (or the gateway in front) may name its request with; answered with the id used. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** The log context key, a field of every structured log line written while serving the request. */
    public static final String REQUEST_ID_KEY = "requestId";
    /** The request attribute in which the security filters leave the authenticated caller's subject. */
    public static final String SUBJECT = AccessLogFilter.class.getName() + ".subject";

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);
    // A caller's id is taken as it is only when it cannot forge log lines or flood them.
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String requestId = requestId(request.getHeader(REQUEST_ID));
        response.setHeader(REQUEST_ID, requestId);
        MDC.put(REQUEST_ID_KEY, requestId);
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR; // what the container answers if the chain throws
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            logAnswered(request, status, System.nanoTime() - start);
            MDC.remove(REQUEST_ID_KEY);
        }
    }

    static String requestId(String offered) {
        return offered != null && ACCEPTED_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    private static void logAnswered(HttpServletRequest request, int status, long nanos) {
        Object subject = request.getAttribute(SUBJECT);
        // ECS field names; the structured formats nest them, the plain format shows the message.
        log.atInfo()
                .addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("url.path", request.getRequestURI())
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration", nanos)
                .addKeyValue("user.id", subject == null ? "-" : subject)
                .log("{} {} {} {} ms {}", request.getMethod(), request.getRequestURI(), status,
                        TimeUnit.NANOSECONDS.toMillis(nanos), subject == null ? "anonymous" : subject);
    }
}
