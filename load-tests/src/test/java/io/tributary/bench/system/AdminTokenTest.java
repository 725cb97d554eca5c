package io.tributary.bench.system;

import com.nimbusds.jwt.SignedJWT;
import io.tributary.devstack.TestIssuer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenTest {

    private Instant now = Instant.parse("2026-11-26T18:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void anAdminsTokenIsKeptForHalfAnHourThenMintedAgain() throws Exception {
        AdminToken admin = new AdminToken(TestIssuer.shared(), clock);

        String first = admin.current();
        now = now.plus(AdminToken.RENEW_AFTER).minusSeconds(1);
        String sameHalfHour = admin.current();
        now = now.plusSeconds(1);
        String renewed = admin.current();

        assertThat(sameHalfHour).isSameAs(first);
        assertThat(renewed).isNotEqualTo(first);
        var claims = SignedJWT.parse(renewed).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(AdminToken.SUBJECT);
        assertThat(claims.getAudience()).containsExactly(TestIssuer.AUDIENCE);
        assertThat(claims.getJSONObjectClaim("realm_access")).isEqualTo(Map.of("roles", List.of("admin")));
        // The issuer's own clock sets the expiry: what matters is that a token handed out has half an hour left.
        assertThat(Duration.between(Instant.now(), claims.getExpirationTime().toInstant()))
                .isGreaterThan(AdminToken.RENEW_AFTER);
    }
}
