package io.tributary.projections.user;

import io.micrometer.core.instrument.Counter;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.tributary.projections.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A store outage stalls only the projection that writes to it; when the store is back it catches up. Runs last,
 * so the other tests never meet a stopped server.
 */
@Order(Integer.MAX_VALUE)
class StoreOutageIT extends ProjectionsIntegrationTest {

    @Test
    void theMongoViewWaitsOutAnOutageWhileTheSearchIndexKeepsGoing() {
        assumeTrue(System.getenv("TRIBUTARY_MONGO_URI") == null, "needs a Mongo server the test stack can stop");
        String userId = UUID.randomUUID().toString();
        double deadLettersBefore = deadLettered();
        double waitsBefore = storeUnavailableAttempts();

        STACK.stopMongo();
        try {
            send(event(UserRegistered.class, userId, 1, nextPosition(), Instant.now(),
                    "{\"userId\":\"" + userId + "\",\"name\":\"Edsger Dijkstra\",\"email\":\"edsger@example.com\"}"));
            await().atMost(Duration.ofSeconds(30)).until(() -> searchUser(userId).found());
            // More failed attempts than the bounded retries (2 here) allow: an outage must not exhaust them.
            await().atMost(Duration.ofSeconds(30)).until(() -> storeUnavailableAttempts() >= waitsBefore + 5);
        } finally {
            STACK.startMongo();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> mongoUser(userId).isPresent());
        assertThat(mongoUser(userId).orElseThrow().getString("name")).isEqualTo("Edsger Dijkstra");
        assertThat(deadLettered()).isEqualTo(deadLettersBefore);
    }

    private double storeUnavailableAttempts() {
        Counter counter = meters.find("tributary.projection.failed.attempts")
                .tag("projection", UsersMongoProjection.NAME).tag("reason", "store-unavailable").counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLettered() {
        return meters.find("tributary.projection.dead.letters").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
