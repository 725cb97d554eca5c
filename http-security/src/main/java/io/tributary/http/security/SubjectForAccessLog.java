package io.tributary.http.security;

import io.tributary.http.access.AccessLogFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Tells the access log who called: the access-log filter wraps the security filters and writes its line after the
 * security context is gone, so the subject travels as a request attribute.
 */
final class SubjectForAccessLog extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
        if (!caller.anonymous()) {
            request.setAttribute(AccessLogFilter.SUBJECT, caller.subject());
        }
        chain.doFilter(request, response);
    }
}
