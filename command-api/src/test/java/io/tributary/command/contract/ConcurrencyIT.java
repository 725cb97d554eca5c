package io.tributary.command.contract;

import io.tributary.command.CommandApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Set validation and stock reservation hold when many clients hit the same data at once. */
@SuppressWarnings("rawtypes")
class ConcurrencyIT extends CommandApiIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exactlyOneOfManyConcurrentRegistrationsWithOneEmailWins() throws Exception {
        String local = "race-" + UUID.randomUUID();
        List<Integer> statuses = concurrently(12, i -> post("/api/v1/users",
                "{\"name\":\"Racer %d\",\"email\":\"%s@Example.com\"}".formatted(i, i % 2 == 0 ? local : local.toUpperCase()))
                .getStatusCode().value());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(11);
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'io.tributary.events.user.UserRegistered'
                  and lower(convert_from(payload, 'UTF8')) like ?""", Long.class, "%" + local + "%")).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentOrdersForTenUnitsConfirmExactlyTen() throws Exception {
        String user = registerUser("Buyer", "buyer-" + UUID.randomUUID() + "@example.com");
        String product = addProduct("LAST-" + UUID.randomUUID(), "5.00", 10);

        List<String> orders = concurrently(50, i -> {
            ResponseEntity<Map> placed = post("/api/v1/orders",
                    "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(user, product),
                    AUTHORIZATION, ADMIN);
            assertThat(placed.getStatusCode().value()).isEqualTo(201);
            return (String) placed.getBody().get("id");
        });

        await().atMost(Duration.ofSeconds(90)).until(() -> decided(orders, "OrderConfirmed") + decided(orders, "OrderRejected") == 50);
        assertThat(decided(orders, "OrderConfirmed")).isEqualTo(10);
        assertThat(decided(orders, "OrderRejected")).isEqualTo(40);

        List<Map<String, Object>> stock = jdbc.queryForList("""
                select (convert_from(payload, 'UTF8')::jsonb ->> 'available')::int as available,
                       (convert_from(payload, 'UTF8')::jsonb ->> 'reserved')::int as reserved
                from domain_event_entry where aggregate_identifier = ? and payload_type like '%StockReserved'
                order by sequence_number""", product);
        assertThat(stock).hasSize(10);
        assertThat(stock).allSatisfy(level -> assertThat((Integer) level.get("available")).isNotNegative());
        assertThat(stock.getLast()).containsEntry("available", 0).containsEntry("reserved", 10);
    }

    private long decided(List<String> orders, String eventName) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = ? and aggregate_identifier = any (?)""", Long.class,
                "io.tributary.events.order." + eventName, orders.toArray(String[]::new));
    }

    private static <T> List<T> concurrently(int count, Task<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = pool.invokeAll(IntStream.range(0, count)
                    .mapToObj(i -> (Callable<T>) () -> task.run(i))
                    .toList());
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(int index) throws Exception;
    }
}
