package io.tributary.http.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link JwtDecoder} that verifies each token once and answers its repetitions from memory, until the token expires
 * or {@link #REMEMBERED_FOR} has passed, whichever comes first. A client sends the same token with every request until
 * it expires; checking its RS256 signature and claims again each time was a fifth of the CPU of a read by id.
 * <p>
 * What this does not change: a token is remembered only after the decoder accepted it (signature, issuer, audience,
 * times), by its exact text; a refused token is checked again each time; once a remembered one expires it is no longer
 * answered from memory, and the decoder judges it each time as before (with its clock skew). Keys the issuer withdraws
 * stop being trusted at most {@link #REMEMBERED_FOR} later, as the decoder itself keeps the issuer's key set that long.
 */
public final class VerifiedTokens implements JwtDecoder {

    /** As long as Spring Security keeps the issuer's key set. */
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    /** Distinct tokens in use at once per instance; about 3 KB each. */
    static final int MAXIMUM_TOKENS = 2_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC());
    }

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfterWrite(REMEMBERED_FOR)
                .ticker(() -> clock.millis() * 1_000_000)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && unexpired(known)) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        // A token without an expiry is verified every time: nothing says how long remembering it would be right.
        if (unexpired(jwt)) {
            verified.put(token, jwt);
        } else {
            verified.invalidate(token);
        }
        return jwt;
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && Instant.now(clock).isBefore(expiresAt);
    }
}
