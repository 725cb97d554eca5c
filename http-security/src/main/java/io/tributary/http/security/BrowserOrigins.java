package io.tributary.http.security;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/** The CORS policy of the API paths, from {@link CorsProperties}. */
final class BrowserOrigins {

    // What a browser client sends beyond the safe-listed headers: the token, bodies, versions, retries, freshness.
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "If-Match",
            "If-None-Match", "Idempotency-Key", "Consistency-Token", "X-Request-Id");
    // What a browser script may read of an answer.
    private static final List<String> ANSWER_HEADERS = List.of("Location", "ETag", "Consistency-Token",
            "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id", "WWW-Authenticate");

    private BrowserOrigins() {
    }

    static UrlBasedCorsConfigurationSource of(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (properties.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOriginPatterns(properties.allowedOrigins());
        api.setAllowedMethods(List.of("GET", "HEAD", "POST", "PATCH", "PUT", "DELETE"));
        api.setAllowedHeaders(REQUEST_HEADERS);
        api.setExposedHeaders(ANSWER_HEADERS);
        // Tokens travel in the Authorization header, never in cookies.
        api.setAllowCredentials(false);
        api.setMaxAge(properties.maxAge());
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
