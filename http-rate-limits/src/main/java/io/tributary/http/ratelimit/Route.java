package io.tributary.http.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Comparator;

/**
 * A route a policy limits, written {@code [METHOD ]/path/pattern[?parameter]}: any method when none is named, and
 * only requests that carry the query parameter when one is named. Patterns are Spring's ({@code /api/v1/export/**}).
 */
record Route(String method, PathPattern path, String parameter, RateLimitPolicy policy) {

    /** Most specific first: the narrower path, then a named method, then a named parameter. */
    static final Comparator<Route> MOST_SPECIFIC_FIRST = Comparator
            .comparing(Route::path, PathPattern.SPECIFICITY_COMPARATOR)
            .thenComparing(route -> route.method() == null)
            .thenComparing(route -> route.parameter() == null);

    static Route parse(String route, RateLimitPolicy policy) {
        String text = route.strip();
        String method = null;
        int space = text.indexOf(' ');
        if (space > 0) {
            method = text.substring(0, space);
            text = text.substring(space + 1).strip();
        }
        String parameter = null;
        int query = text.indexOf('?');
        if (query >= 0) {
            parameter = text.substring(query + 1);
            text = text.substring(0, query);
        }
        if (!text.startsWith("/") || (parameter != null && parameter.isEmpty())) {
            throw new IllegalArgumentException("rate limit policy " + policy.name() + ": route '" + route
                    + "' is not [METHOD ]/path[?parameter]");
        }
        return new Route(method, PathPatternParser.defaultInstance.parse(text), parameter, policy);
    }

    boolean matches(HttpServletRequest request, PathContainer path) {
        return (method == null || method.equalsIgnoreCase(request.getMethod()))
                && (parameter == null || request.getParameter(parameter) != null)
                && this.path.matches(path);
    }
}
