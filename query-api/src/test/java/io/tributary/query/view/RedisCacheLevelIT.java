package io.tributary.query.view;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.query.QueryApiApplication;
import io.tributary.query.support.QueryApiIT;
import io.tributary.query.support.ViewFixtures;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.tributary.query.support.ViewFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-api replicas on one Redis: what one read from MongoDB the other answers from Redis, never older than a
 * presented consistency token, and an older version never replaces a newer one.
 */
@SuppressWarnings("rawtypes")
// Entries outlive the slowest step of a test on a busy machine; the default is as short as the near cache's.
@org.springframework.test.context.TestPropertySource(properties = "tributary.redis-cache.time-to-live=60s")
class RedisCacheLevelIT extends QueryApiIT {

    private static final String COLLECTION = "products_v1";

    private static ConfigurableApplicationContext secondReplica;

    @Autowired
    MeterRegistry meters;
    @Autowired
    RedisConnectionFactory redisConnections;
    @Autowired
    RedisCache redisCache;
    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeAll
    static void startSecondReplica() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.url=" + REDIS.url(),
                "--tributary.near-cache.time-to-live=10s", "--tributary.near-cache.refresh-after=10s",
                "--tributary.redis-cache.time-to-live=60s"));
        STACK.endpoints().springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        ISSUER.springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        secondReplica = new SpringApplicationBuilder(QueryApiApplication.class).run(arguments.toArray(String[]::new));
    }

    @BeforeEach
    void bothReplicasUseRedis() throws InterruptedException {
        ViewFixtures views = views(mongo).register("products");
        RedisInUse.await(views, redisConnections, breakers.circuitBreaker("redis"),
                id -> get("/api/v1/products/" + id).getStatusCode().value());
        RedisInUse.await(views, redisConnections, secondReplica.getBean(CircuitBreakerRegistry.class).circuitBreaker("redis"),
                id -> secondReplica("/api/v1/products/" + id).getStatusCode().value());
    }

    @AfterAll
    static void stopSecondReplica() {
        if (secondReplica != null) {
            secondReplica.close();
        }
    }

    @Test
    void aDocumentOneReplicaReadFromMongoDbIsServedToAnotherFromRedis() throws Exception {
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        ViewFixtures views = views(mongo).register("products");
        views.store("products", product(id, "LAMP-9", "Brass Lamp", "Warm light", "lighting", "40.00", 3, false, Instant.now(), 4));
        views.store("products", product(other, "LAMP-10", "Tin Lamp", "Cold light", "lighting", "20.00", 3, false, Instant.now(), 1));

        assertThat(get("/api/v1/products/" + id).getBody()).containsEntry("name", "Brass Lamp");
        awaitStoredVersion(id, 4);

        MeterRegistry secondMeters = secondReplica.getBean(MeterRegistry.class);
        double hits = requests(secondMeters, "redis", "hit");
        double misses = requests(secondMeters, "redis", "miss");
        double nearMisses = requests(secondMeters, "near", "miss");
        long finds = mongoFinds(secondMeters);
        ResponseEntity<Map> fromRedis = secondReplica("/api/v1/products/" + id);
        assertThat(fromRedis.getStatusCode().value()).isEqualTo(200);
        assertThat(fromRedis.getBody()).containsEntry("name", "Brass Lamp").containsEntry("version", 4);
        assertThat(requests(secondMeters, "near", "miss")).isEqualTo(nearMisses + 1);
        assertThat(requests(secondMeters, "redis", "hit")).isEqualTo(hits + 1);
        assertThat(mongoFinds(secondMeters)).as("finds in %s by the second replica", COLLECTION).isEqualTo(finds);
        // The Redis hit filled the second replica's near cache.
        double nearHits = requests(secondMeters, "near", "hit");
        assertThat(secondReplica("/api/v1/products/" + id).getBody()).containsEntry("name", "Brass Lamp");
        assertThat(requests(secondMeters, "near", "hit")).isEqualTo(nearHits + 1);
        assertThat(requests(secondMeters, "redis", "hit")).isEqualTo(hits + 1);

        // The same count sees a read Redis cannot answer: the document the first replica never read.
        assertThat(secondReplica("/api/v1/products/" + other).getBody()).containsEntry("name", "Tin Lamp");
        assertThat(requests(secondMeters, "redis", "miss")).isEqualTo(misses + 1);
        assertThat(mongoFinds(secondMeters)).isEqualTo(finds + 1);

        assertThat(secondReplica("/actuator/prometheus", String.class).getBody())
                .contains("tributary_view_cache_requests_total{level=\"near\",result=\"hit\"}")
                .contains("tributary_view_cache_requests_total{level=\"redis\",result=\"hit\"}")
                .contains("tributary_view_cache_errors_total{level=\"redis\",operation=\"read\"}");
    }

    @Test
    void aTokenNewerThanTheRedisEntryReadsMongoDbAndUpdatesRedis() throws Exception {
        String id = UUID.randomUUID().toString();
        ViewFixtures views = views(mongo).register("products");
        views.store("products", product(id, "CUP-1", "Tin Cup", "Dented", "kitchen", "3.00", 9, false, Instant.now(), 1));
        assertThat(get("/api/v1/products/" + id).getBody()).containsEntry("version", 1);
        awaitStoredVersion(id, 1);

        views.store("products", product(id, "CUP-1", "Enamel Cup", "Not dented", "kitchen", "3.00", 9, false, Instant.now(), 2));
        double hits = requests(meters, "redis", "hit");
        double misses = requests(meters, "redis", "miss");
        ResponseEntity<Map> fresh = get("/api/v1/products/" + id, "Consistency-Token", "product:" + id + ":2");

        assertThat(fresh.getBody()).containsEntry("version", 2).containsEntry("name", "Enamel Cup");
        assertThat(requests(meters, "redis", "miss")).as("version 1 in Redis is a miss for the token").isEqualTo(misses + 1);
        assertThat(requests(meters, "redis", "hit")).isEqualTo(hits);
        awaitStoredVersion(id, 2);
    }

    @Test
    void anOlderVersionNeverReplacesANewerOneInRedis() {
        String id = UUID.randomUUID().toString();
        Document newer = product(id, "JUG-1", "Stone Jug", "Heavy", "kitchen", "15.00", 1, false, Instant.now(), 3);
        Document older = product(id, "JUG-1", "Clay Jug", "Light", "kitchen", "15.00", 1, false, Instant.now(), 2);

        redisCache.store(COLLECTION, Map.of(id, RedisEntry.of(newer)));
        redisCache.store(COLLECTION, Map.of(id, RedisEntry.of(older)));

        RedisEntry stored = stored(id).orElseThrow();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.document().getString("name")).isEqualTo("Stone Jug");
        assertThat(timeToLive(id)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));

        Document newest = product(id, "JUG-1", "Iron Jug", "Heavier", "kitchen", "15.00", 1, false, Instant.now(), 4);
        redisCache.store(COLLECTION, Map.of(id, RedisEntry.of(newest)));
        assertThat(stored(id).orElseThrow().document().getString("name")).isEqualTo("Iron Jug");

        // The same version again is written (and its time to live starts again).
        Document reread = product(id, "JUG-1", "Iron Jug, reread", "Heavier", "kitchen", "15.00", 1, false, Instant.now(), 4);
        redisCache.store(COLLECTION, Map.of(id, RedisEntry.of(reread)));
        assertThat(stored(id).orElseThrow().document().getString("name")).isEqualTo("Iron Jug, reread");
    }

    @Test
    void aSearchPageTakesTheNearCacheMissesFromRedisWithOneMget() throws Exception {
        String user = UUID.randomUUID().toString();
        ViewFixtures views = views(mongo).register("orders").createIndex("orders");
        Instant placed = Instant.now().minusSeconds(60);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Document order = ViewFixtures.order(UUID.randomUUID().toString(), user, "PENDING", placed.plusSeconds(i), 1,
                    UUID.randomUUID().toString());
            views.store("orders", order);
            views.index("orders", order.getString("_id"), 1, ViewFixtures.orderSearchDocument(order), true);
            orders.add(order.getString("_id"));
        }
        for (String order : orders) {
            assertThat(getAs(ADMIN, "/api/v1/orders/" + order).getStatusCode().value()).isEqualTo(200);
            awaitStoredVersion("orders_v1", order, 1);
        }

        MeterRegistry secondMeters = secondReplica.getBean(MeterRegistry.class);
        double hits = requests(secondMeters, "redis", "hit");
        long mgets = redisCalls("mget");
        ResponseEntity<Map> page = secondReplica("/api/v1/orders?userId=" + user);

        assertThat(page.getStatusCode().value()).as(String.valueOf(page.getBody())).isEqualTo(200);
        assertThat((List<?>) page.getBody().get("items")).hasSize(3);
        assertThat(requests(secondMeters, "redis", "hit")).isEqualTo(hits + 3);
        assertThat(redisCalls("mget")).as("MGET calls Redis counted").isEqualTo(mgets + 1);
    }

    /** How often Redis itself says it ran a command. */
    private long redisCalls(String command) {
        try (RedisConnection connection = redisConnections.getConnection()) {
            String stats = connection.serverCommands().info("commandstats").getProperty("cmdstat_" + command, "calls=0,");
            return Long.parseLong(stats.substring("calls=".length(), stats.indexOf(',')));
        }
    }

    private ResponseEntity<Map> secondReplica(String path) {
        return secondReplica(path, Map.class);
    }

    private <T> ResponseEntity<T> secondReplica(String path, Class<T> type) {
        String port = secondReplica.getEnvironment().getProperty("local.server.port");
        return withToken(new TestRestTemplate(), ADMIN).getForEntity("http://127.0.0.1:" + port + path, type);
    }

    /** The near level's counter reads the near cache's statistics, Redis' counts by itself: both are one count. */
    private static double requests(MeterRegistry registry, String level, String result) {
        return registry.get(ViewCacheMeters.REQUESTS).tag("level", level).tag("result", result).meter().measure()
                .iterator().next().getValue();
    }

    private static long mongoFinds(MeterRegistry registry) {
        return registry.find("mongodb.driver.commands").tag("collection", COLLECTION).tag("command", "find").timers()
                .stream().mapToLong(Timer::count).sum();
    }

    private void awaitStoredVersion(String id, long version) throws InterruptedException {
        awaitStoredVersion(COLLECTION, id, version);
    }

    /** Redis is written in the background after a MongoDB read. */
    private void awaitStoredVersion(String collection, String id, long version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stored(collection, id).map(RedisEntry::version).orElse(0L) != version) {
            assertThat(System.nanoTime()).as("Redis holds version %d of %s", version, id).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Duration timeToLive(String id) {
        try (RedisConnection connection = redisConnections.getConnection()) {
            return Duration.ofMillis(connection.keyCommands().pTtl(RedisCache.key(COLLECTION, id).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private Optional<RedisEntry> stored(String id) {
        return stored(COLLECTION, id);
    }

    private Optional<RedisEntry> stored(String collection, String id) {
        try (RedisConnection connection = redisConnections.getConnection()) {
            byte[] value = connection.stringCommands().get(RedisCache.key(collection, id).getBytes(StandardCharsets.UTF_8));
            return Optional.ofNullable(value).map(RedisEntry::from);
        }
    }
}
