package io.tributary.http.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    private final MovableClock clock = new MovableClock();
    /** What the real decoder would accept, and how often it was asked. */
    private final Map<String, Jwt> valid = new HashMap<>();
    private final Map<String, Integer> asked = new HashMap<>();
    private final JwtDecoder decoder = token -> {
        asked.merge(token, 1, Integer::sum);
        Jwt jwt = valid.get(token);
        if (jwt == null || (jwt.getExpiresAt() != null && !clock.instant().isBefore(jwt.getExpiresAt()))) {
            throw new BadJwtException("refused");
        }
        return jwt;
    };
    private final VerifiedTokens tokens = new VerifiedTokens(decoder, clock);

    @Test
    void aTokenIsVerifiedOnceThenAnsweredFromMemory() {
        valid.put("alice", jwt("alice", START.plus(Duration.ofHours(1))));

        assertThat(tokens.decode("alice").getSubject()).isEqualTo("alice");
        assertThat(tokens.decode("alice").getSubject()).isEqualTo("alice");
        assertThat(tokens.decode("alice").getSubject()).isEqualTo("alice");

        assertThat(asked).containsEntry("alice", 1);
    }

    @Test
    void anExpiredTokenIsJudgedByTheDecoderAgain() {
        valid.put("alice", jwt("alice", START.plus(Duration.ofMinutes(2))));
        tokens.decode("alice");

        clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> tokens.decode("alice")).isInstanceOf(BadJwtException.class);
        assertThat(asked).containsEntry("alice", 2);
    }

    @Test
    void aTokenIsVerifiedAgainAfterFiveMinutesEvenIfItIsStillValid() {
        valid.put("alice", jwt("alice", START.plus(Duration.ofHours(1))));
        tokens.decode("alice");

        clock.advance(VerifiedTokens.REMEMBERED_FOR.plusSeconds(1));
        valid.remove("alice"); // e.g. its signing key was withdrawn

        assertThatThrownBy(() -> tokens.decode("alice")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusedTokensAndTokensWithoutExpiryAreAskedEveryTime() {
        valid.put("eternal", jwt("eternal", null));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
            tokens.decode("eternal");
        }

        assertThat(asked).containsEntry("forged", 3).containsEntry("eternal", 3);
    }

    @Test
    void tokensAreRememberedByTheirWholeText() {
        valid.put("alice", jwt("alice", START.plus(Duration.ofHours(1))));
        tokens.decode("alice");

        assertThatThrownBy(() -> tokens.decode("alice ")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("alic")).isInstanceOf(BadJwtException.class);
    }

    private static Jwt jwt(String subject, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue(subject).header("alg", "RS256").subject(subject)
                .issuedAt(START.minusSeconds(1));
        if (expiresAt != null) {
            builder.expiresAt(expiresAt);
        }
        return builder.build();
    }

    private static final class MovableClock extends Clock {

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
