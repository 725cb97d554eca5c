package io.tributary.http.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.http.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;

/**
 * 401 and 403 as RFC 9457 problem+json, like every other error of the services. The {@code WWW-Authenticate}
 * header comes from Spring's bearer-token handlers (RFC 6750); the body says what to do without saying why a
 * token failed, which would only help someone forging one.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final URI UNAUTHORIZED = URI.create("urn:tributary:problem:unauthorized");
    static final URI FORBIDDEN = URI.create("urn:tributary:problem:forbidden");
    /** The type Tomcat's own refusals of a malformed request get (http-problems). */
    static final URI MALFORMED = URI.create("urn:tributary:problem:http-400");

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerEntryPoint.commence(request, response, failure);
        boolean tokenSent = request.getHeader("Authorization") != null;
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, tokenSent
                ? "The bearer token was not accepted: it is malformed, expired, not signed by the configured issuer, or not meant for this API."
                : "This request needs a bearer token (Authorization: Bearer <access token>).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerDenied.handle(request, response, denied);
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN, "Your token's roles do not allow this request.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, MALFORMED,
                "Refused before it reached the API, e.g. for a malformed path or an over-long header.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
                       String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException unusualPath) {
            // the answer is the same without it
        }
        ProblemResponses.write(response, problem, json);
    }
}
