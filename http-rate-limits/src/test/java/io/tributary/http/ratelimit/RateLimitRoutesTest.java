package io.tributary.http.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitRoutesTest {

    private final RateLimitRoutes routes = RateLimitRoutes.of(Map.of(
            "default", policy("/api/**"),
            "search", policy("GET /api/v1/products?q", "GET /api/v1/products/suggest", "GET /api/v1/users"),
            "export", policy("/api/v1/export/**")));

    @Test
    void theMostSpecificRouteDecides() {
        assertThat(policyOf("GET", "/api/v1/products", "q")).contains("search");
        assertThat(policyOf("GET", "/api/v1/products", null)).contains("default");
        assertThat(policyOf("GET", "/api/v1/products/suggest", null)).contains("search");
        assertThat(policyOf("GET", "/api/v1/users", null)).contains("search");
        assertThat(policyOf("POST", "/api/v1/users", null)).contains("default");
        assertThat(policyOf("GET", "/api/v1/users/42", null)).contains("default");
        assertThat(policyOf("GET", "/api/v1/export/orders", null)).contains("export");
    }

    @Test
    void requestsNoRouteMatchesAreNotLimited() {
        assertThat(policyOf("GET", "/actuator/health", null)).isEmpty();
        assertThat(policyOf("GET", "/v3/api-docs", null)).isEmpty();
    }

    @Test
    void aRouteMustBeAPathWithAnOptionalMethodAndParameter() {
        assertThatThrownBy(() -> RateLimitRoutes.of(Map.of("bad", policy("GET api/v1/users"))))
                .hasMessageContaining("route 'GET api/v1/users'");
        assertThatThrownBy(() -> RateLimitRoutes.of(Map.of("bad",
                new RateLimitProperties.Policy(5, Duration.ofMillis(1500), List.of("/api/**")))))
                .hasMessageContaining("whole seconds");
    }

    private Optional<String> policyOf(String method, String path, String parameter) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (parameter != null) {
            request.setParameter(parameter, "desk");
        }
        return routes.policyOf(request).map(RateLimitPolicy::name);
    }

    private static RateLimitProperties.Policy policy(String... routes) {
        return new RateLimitProperties.Policy(10, Duration.ofSeconds(1), List.of(routes));
    }
}
