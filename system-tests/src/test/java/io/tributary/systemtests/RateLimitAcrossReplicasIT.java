package io.tributary.systemtests;

import io.tributary.devstack.ServiceProcess;
import io.tributary.devstack.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-api replicas with their rate limits on, sharing the stack's Redis: a client spreading its requests over
 * both gets the policy's capacity once, not once per replica.
 */
class RateLimitAcrossReplicasIT {

    private static final int EXPORT_CAPACITY = 5; // query-api's export policy: 5 per 60 s

    private final RunningSystem system = RunningSystem.get();

    @Test
    void twoReplicasTogetherLetAClientExportOnlyAsOftenAsThePolicyAllows() {
        // A run of its own: fresh buckets whatever earlier runs left in Redis.
        Map<String, String> limited = Map.of("TRIBUTARY_RATELIMITS_ENABLED", "true",
                "TRIBUTARY_RATELIMITS_KEYPREFIX", "tributary:rate:replicas-" + UUID.randomUUID() + ":");
        ServiceProcess first = system.startAnother("query-api", "query-api-limited-1", limited);
        ServiceProcess second = system.startAnother("query-api", "query-api-limited-2", limited);
        try {
            String token = TestIssuer.shared().token("export-" + UUID.randomUUID(), "admin");
            List<Http> replicas = List.of(system.asAdmin(first).as(token), system.asAdmin(second).as(token));
            awaitSharedBuckets(replicas);

            int exported = 0;
            int refused = 0;
            for (int i = 0; i < 4 * EXPORT_CAPACITY; i++) {
                Http.Response answer = replicas.get(i % 2).get("/api/v1/export/orders?status=SHIPPED");
                assertThat(answer.status()).as(answer.toString()).isIn(200, 429);
                if (answer.status() == 200) {
                    exported++;
                } else {
                    refused++;
                    assertThat(answer.header("Retry-After")).isPresent();
                    assertThat(answer.body()).contains("urn:tributary:problem:rate-limited");
                }
            }

            // One token refills every 12 s: on a slow machine one more may have come in meanwhile.
            assertThat(exported).isBetween(EXPORT_CAPACITY, EXPORT_CAPACITY + 1);
            assertThat(refused).isEqualTo(4 * EXPORT_CAPACITY - exported);
        } finally {
            first.stop();
            second.stop();
        }
    }

    /**
     * Each replica connects to Redis in the background after it starts; until then it counts on its own. A first
     * connection that failed (a busy machine) is tried again by a request once the retry interval passed, so each
     * poll also sends one under the default policy, which leaves the export policy's buckets untouched.
     */
    private static void awaitSharedBuckets(List<Http> replicas) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> replicas.stream().allMatch(RateLimitAcrossReplicasIT::sharesBuckets));
    }

    private static boolean sharesBuckets(Http replica) {
        if (replica.get("/actuator/health").body().contains("\"store\":\"redis\"")) {
            return true;
        }
        replica.get("/api/v1/products/" + UUID.randomUUID());
        return false;
    }
}
