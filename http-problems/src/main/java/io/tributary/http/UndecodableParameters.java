package io.tributary.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Globals;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Refuses a request whose parameters Tomcat could not parse (a '%' not followed by two hex digits): Tomcat drops
 * such a parameter and goes on, so {@code ?category=%zz} would answer as if no category had been asked for.
 */
final class UndecodableParameters extends OncePerRequestFilter {

    private final ObjectMapper json;

    UndecodableParameters(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getParameterMap();
        if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) == null) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A parameter of the request could not be parsed: '%' must be followed by two hexadecimal digits.");
        problem.setType(URI.create(ProblemErrorReportValve.TYPE_PREFIX + HttpStatus.BAD_REQUEST.value()));
        ProblemResponses.write(response, problem, json);
    }
}
