package io.tributary.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StockAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aConfirmedOrderHoldsWhatItOrderedAndACancelledOneNothing() throws IOException {
        List<StoredEvent> events = List.of(
                event("p1", "ProductAdded", "{\"initialStock\":5}"),
                event("o1", "OrderPlaced", "{\"userId\":\"u1\",\"lines\":[{\"productId\":\"p1\",\"quantity\":2}]}"),
                event("p1", "StockReserved", "{\"orderId\":\"o1\",\"quantity\":2,\"available\":3,\"reserved\":2}"),
                event("o1", "OrderConfirmed", "{}"),
                event("o2", "OrderPlaced", "{\"userId\":\"u1\",\"lines\":[{\"productId\":\"p1\",\"quantity\":3}]}"),
                event("p1", "StockReserved", "{\"orderId\":\"o2\",\"quantity\":3,\"available\":0,\"reserved\":5}"),
                event("o2", "OrderConfirmed", "{}"),
                event("o2", "OrderCancelled", "{}"),
                event("p1", "StockReleased", "{\"orderId\":\"o2\",\"quantity\":3,\"available\":3,\"reserved\":2}"));

        StockAudit.Result result = StockAudit.audit(events);

        assertThat(result.clean()).as(result.examples().toString()).isTrue();
        assertThat(result.ordersByStatus()).containsEntry("CONFIRMED", 1L).containsEntry("CANCELLED", 1L);
    }

    @Test
    void aCancelledOrderStillHoldingStockIsUnbalancedAndAPendingOneIsReported() throws IOException {
        List<StoredEvent> events = List.of(
                event("p1", "ProductAdded", "{\"initialStock\":5}"),
                event("o1", "OrderPlaced", "{\"userId\":\"u1\",\"lines\":[{\"productId\":\"p1\",\"quantity\":2}]}"),
                event("p1", "StockReserved", "{\"orderId\":\"o1\",\"quantity\":2,\"available\":3,\"reserved\":2}"),
                event("o1", "OrderCancelled", "{}"),
                event("o2", "OrderPlaced", "{\"userId\":\"u1\",\"lines\":[{\"productId\":\"p1\",\"quantity\":1}]}"));

        StockAudit.Result result = StockAudit.audit(events);

        assertThat(result.unbalanced()).isEqualTo(1);
        assertThat(result.pending()).isEqualTo(1);
    }

    @Test
    void stockLevelsThatDoNotAddUpOrGoNegativeAreCounted() throws IOException {
        List<StoredEvent> events = List.of(
                event("p1", "ProductAdded", "{\"initialStock\":1}"),
                event("o1", "OrderPlaced", "{\"userId\":\"u1\",\"lines\":[{\"productId\":\"p1\",\"quantity\":2}]}"),
                event("p1", "StockReserved", "{\"orderId\":\"o1\",\"quantity\":2,\"available\":-1,\"reserved\":2}"),
                event("o1", "OrderConfirmed", "{}"),
                event("p1", "ProductRestocked", "{\"quantity\":4,\"available\":9}"));

        StockAudit.Result result = StockAudit.audit(events);

        assertThat(result.negative()).isEqualTo(1); // the reservation (the restock says 9 are available after it)
        assertThat(result.miscounted()).isEqualTo(1); // -1 + 4 is 3, not 9
    }

    private static StoredEvent event(String aggregate, String type, String payload) throws IOException {
        return new StoredEvent(0, aggregate, 0, type, JSON.readTree(payload));
    }
}
