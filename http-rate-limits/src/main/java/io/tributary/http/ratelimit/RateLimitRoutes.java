package io.tributary.http.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which policy limits a request: that of the most specific matching route; none when no route matches. */
final class RateLimitRoutes {

    private final List<Route> routes;

    private RateLimitRoutes(List<Route> routes) {
        this.routes = routes.stream().sorted(Route.MOST_SPECIFIC_FIRST).toList();
    }

    static RateLimitRoutes of(Map<String, RateLimitProperties.Policy> policies) {
        return new RateLimitRoutes(policies.entrySet().stream()
                .flatMap(entry -> {
                    RateLimitProperties.Policy settings = entry.getValue();
                    RateLimitPolicy policy = new RateLimitPolicy(entry.getKey(), settings.capacity(), settings.period());
                    List<String> routes = settings.routes() == null ? List.of() : settings.routes();
                    return routes.stream().map(route -> Route.parse(route, policy));
                })
                .toList());
    }

    Optional<RateLimitPolicy> policyOf(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (Route route : routes) {
            if (route.matches(request, path)) {
                return Optional.of(route.policy());
            }
        }
        return Optional.empty();
    }
}
