package io.tributary.http.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header, as Spring Security's {@link DefaultBearerTokenResolver} finds
 * it, without running its regular expression over every well-formed token: a header of the form
 * {@code Bearer <b64token>} (RFC 6750: letters, digits, {@code -._~+/}, then any {@code =}) yields the token
 * directly; anything else (no header, another scheme, a malformed token) goes to Spring's resolver, which answers it
 * as it always does. Tokens in query or form parameters stay refused, as with Spring's defaults.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = wellFormed(request.getHeader(HttpHeaders.AUTHORIZATION));
        return token != null ? token : spring.resolve(request);
    }

    /** The token of a well-formed {@code Bearer} header value; {@code null} for anything else. */
    static String wellFormed(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length() || !schemeIsBearer(authorization)) {
            return null;
        }
        int end = authorization.length();
        while (end > SCHEME.length() && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == SCHEME.length()) {
            return null;
        }
        for (int i = SCHEME.length(); i < end; i++) {
            if (!tokenCharacter(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(SCHEME.length());
    }

    /** ASCII letters in either case, as Spring's expression compares them (no other script's look-alikes). */
    private static boolean schemeIsBearer(String authorization) {
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = authorization.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != Character.toLowerCase(SCHEME.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
