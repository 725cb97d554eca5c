package io.tributary.command.contract;

import io.tributary.command.CommandApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored at an old revision are read through the upcaster, never rewritten. */
@SuppressWarnings("rawtypes")
class SchemaEvolutionIT extends CommandApiIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRevisionOneProductAddedStoredInPostgresIsReadAsRevisionTwo() {
        String product = UUID.randomUUID().toString();
        String revision1 = """
                {"productId":"%s","sku":"HIST-%s","name":"Historic loom","description":"from the euro-only days",
                 "category":"machines","price":19.9,"initialStock":4}""".formatted(product, product);
        jdbc.update("""
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                    type, payload_type, payload_revision, payload, meta_data, time_stamp)
                values (nextval('domain_event_entry_seq'), ?, ?, 0, 'Product', 'io.tributary.events.product.ProductAdded',
                    '1', ?, ?, ?)""",
                UUID.randomUUID().toString(), product, revision1.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), Instant.now().toString());

        String user = registerUser("Historian", "historian-" + UUID.randomUUID() + "@example.com");
        ResponseEntity<Map> order = post("/api/v1/orders",
                "{\"userId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":2}]}".formatted(user, product),
                AUTHORIZATION, ADMIN);

        assertThat(order.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> placed = jdbc.queryForMap("""
                select convert_from(payload, 'UTF8')::jsonb -> 'lines' -> 0 -> 'unitPrice' ->> 'amount' as amount,
                       convert_from(payload, 'UTF8')::jsonb -> 'lines' -> 0 -> 'unitPrice' ->> 'currency' as currency
                from domain_event_entry where aggregate_identifier = ?""", order.getBody().get("id"));
        assertThat(placed).containsEntry("amount", "19.90").containsEntry("currency", "EUR");
        assertThat(jdbc.queryForObject("select payload_revision from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                String.class, product)).as("the stored event is left as it was").isEqualTo("1");
    }
}
