package io.tributary.http.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Which web pages may call the API from a browser. None by default: programs and same-origin pages need no CORS,
 * and an open list would let any site spend a signed-in user's token.
 *
 * @param allowedOrigins origins such as {@code https://shop.example.com}; patterns like {@code https://*.example.com}
 * @param maxAge         how long a browser may keep a preflight answer
 */
@ConfigurationProperties("tributary.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
}
