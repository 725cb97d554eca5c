package io.tributary.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.devstack.LocalStack;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestStack;
import io.tributary.query.support.MemoryMongoServer;
import io.tributary.query.support.ViewFixtures;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.tributary.query.support.QueryApiIT.ADMIN;
import static io.tributary.query.support.QueryApiIT.ISSUER;
import static io.tributary.query.support.QueryApiIT.askForExport;
import static io.tributary.query.support.QueryApiIT.parameterOf;
import static io.tributary.query.support.QueryApiIT.views;
import static io.tributary.query.support.QueryApiIT.withToken;
import static io.tributary.query.support.ViewFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NDJSON export on the Mongo-protocol server: filters, and 100k orders streamed in bounded memory. The
 * server runs with memory storage in its own process (see {@link MemoryMongoServer}); Elasticsearch is the
 * stack's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // These tests drive the API from one address faster than a client may; the rate limits have their own tests.
        "tributary.rate-limits.enabled=false",
        // The Mongo-protocol server has no query planner: it scans and sorts the 100k orders before the first
        // batch, which real MongoDB serves from the placedAt index.
        "resilience4j.timelimiter.instances.mongo.timeout-duration=30s"})
class OrderExportIT {

    private static final LocalStack STACK = TestStack.shared(Server.ELASTICSEARCH);
    private static final MemoryMongoServer BULK_MONGO = MemoryMongoServer.start();

    private static final int BULK = 100_000;
    private static final int SEED_BATCH = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        STACK.endpoints().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.data.mongodb.uri", () -> BULK_MONGO.uri("tributary"));
        ISSUER.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopBulkMongo() {
        BULK_MONGO.close();
    }

    @Test
    void exportsOnlyTheOrdersMatchingTheFiltersNewestFirst() throws Exception {
        String user = UUID.randomUUID().toString();
        ViewFixtures views = views(mongo).register("orders");
        Instant base = Instant.parse("2026-09-01T00:00:00Z");
        List<String> shipped = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = UUID.randomUUID().toString();
            String status = i % 2 == 0 ? "SHIPPED" : "CANCELLED";
            views.store("orders", order(id, user, status, base.plusSeconds(i), 2, UUID.randomUUID().toString()));
            if (status.equals("SHIPPED")) {
                shipped.addFirst(id);
            }
        }

        HttpResponse<InputStream> response = export("?userId=" + user + "&status=SHIPPED");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                assertThat(line).as("one object per line, nothing around it").startsWith("{").endsWith("}");
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactlyElementsOf(shipped);
        assertThat(lines.getFirst().get("total").get("amount").asText()).isEqualTo("25.00");
    }

    @Test
    void badFiltersAreProblemsBeforeAnythingIsStreamed() {
        TestRestTemplate admin = withToken(http, ADMIN);
        assertThat(parameterOf(askForExport(admin, "?status={s}", "{\"$ne\":null}"))).isEqualTo("status");
        assertThat(parameterOf(askForExport(admin, "?from=soon"))).isEqualTo("from");
    }

    /**
     * Used heap after a full collection is sampled while the export runs; a server that gathered the orders or
     * their JSON before writing would hold at least the payload's size alive, several times the allowed growth.
     */
    @Test
    void exportsAHundredThousandOrdersInBoundedMemory() throws Exception {
        String user = UUID.randomUUID().toString();
        long seeding = System.nanoTime();
        seed(user);
        System.out.printf("Seeded %d orders in %d ms%n", BULK, (System.nanoTime() - seeding) / 1_000_000);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterCollection(memory);
        AtomicLong peak = new AtomicLong(baseline);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(usedAfterCollection(memory), Math::max),
                100, 250, TimeUnit.MILLISECONDS);

        long lines = 0;
        long bytes = 0;
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = export("?userId=" + user);
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (lines == 0) {
                        assertThat(JSON.readTree(line).get("userId").asText()).isEqualTo(user);
                    }
                    lines++;
                    bytes += line.length() + 1;
                }
            }
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }

        long growth = peak.get() - baseline;
        System.out.printf("Exported %d orders, %d MB in %d ms; heap growth after collections at most %d MB%n",
                lines, bytes >> 20, (System.nanoTime() - started) / 1_000_000, growth >> 20);
        assertThat(lines).isEqualTo(BULK);
        assertThat(bytes).as("a payload large enough to show buffering").isGreaterThan(50L << 20);
        assertThat(growth).isLessThan(bytes / 4);
    }

    private void seed(String user) {
        ViewFixtures views = views(mongo).register("orders");
        Instant newest = Instant.parse("2026-08-01T00:00:00Z");
        for (int batch = 0; batch < BULK / SEED_BATCH; batch++) {
            List<Document> orders = new ArrayList<>(SEED_BATCH);
            for (int i = 0; i < SEED_BATCH; i++) {
                int n = batch * SEED_BATCH + i;
                orders.add(order(UUID.randomUUID().toString(), user, "CONFIRMED", newest.minusSeconds(n), 2,
                        UUID.randomUUID().toString(), UUID.randomUUID().toString()));
            }
            views.storeAll("orders", orders);
        }
    }

    private HttpResponse<InputStream> export(String query) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/export/orders" + query))
                        .header("Authorization", "Bearer " + ADMIN).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static long usedAfterCollection(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
