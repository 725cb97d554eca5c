package io.tributary.bench.system;

import io.tributary.devstack.TestIssuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The admin's access token the benchmark's requests carry, from the test issuer the services it starts trust. The
 * issuer's tokens live an hour and a full run takes longer, so a token is minted again once it is half an hour old:
 * whoever takes one (a wrk or Gatling run, say) holds it for at least half an hour.
 */
public final class AdminToken {

    static final String SUBJECT = "bench-admin";
    static final Duration RENEW_AFTER = Duration.ofMinutes(30);

    private final TestIssuer issuer;
    private final Clock clock;
    private String token;
    private Instant minted;

    AdminToken(TestIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    public synchronized String current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(minted.plus(RENEW_AFTER))) {
            token = issuer.token(SUBJECT, "admin");
            minted = now;
        }
        return token;
    }
}
