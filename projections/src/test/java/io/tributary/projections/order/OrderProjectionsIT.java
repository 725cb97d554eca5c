package io.tributary.projections.order;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.tributary.events.AggregateType;
import io.tributary.events.DomainEvent;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.tributary.projections.CloudEventRecords.event;
import static io.tributary.projections.CloudEventRecords.onPartition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderProjectionsIT extends ProjectionsIntegrationTest {

    private static final String ORDERS = "orders_v1";
    private static final Money TEN = Money.of("10.00", "EUR");

    private final String userId = "user-" + UUID.randomUUID();
    private final Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aPlacedOrderLandsInBothViews() {
        String orderId = UUID.randomUUID().toString();
        long position = nextPosition();
        send(event(new OrderPlaced(orderId, userId, List.of(
                        new OrderLine("keyboard", 2, Money.of("149.00", "EUR")),
                        new OrderLine("lamp", 1, Money.of("39.90", "EUR"))),
                Money.of("337.90", "EUR")), 1, position, placedAt));
        awaitVersion(ORDERS, ORDERS, orderId, 1);

        assertThat(mongoOrder(orderId)).isEqualTo(new Document("_id", orderId)
                .append("orderId", orderId)
                .append("userId", userId)
                .append("status", "PENDING")
                .append("lines", List.of(
                        new Document("productId", "keyboard").append("quantity", 2)
                                .append("unitPrice", money("149.00"))
                                .append("lineTotal", money("298.00")),
                        new Document("productId", "lamp").append("quantity", 1)
                                .append("unitPrice", money("39.90"))
                                .append("lineTotal", money("39.90"))))
                .append("total", money("337.90"))
                .append("placedAt", Date.from(placedAt))
                .append("updatedAt", Date.from(placedAt))
                .append("statusHistory", List.of(history("PENDING", placedAt, 1)))
                .append("version", 1L)
                .append("position", position));
        ObjectNode expected = JsonNodeFactory.instance.objectNode()
                .put("orderId", orderId)
                .put("userId", userId)
                .put("status", "PENDING")
                .put("placedAt", placedAt.toString())
                .put("updatedAt", placedAt.toString())
                .put("total", 337.9)
                .put("currency", "EUR")
                .put("lineCount", 2)
                .put("version", 1);
        expected.putArray("productIds").add("keyboard").add("lamp");
        assertThat(searchDocument(ORDERS, orderId).source()).isEqualTo(expected);
    }

    @Test
    void everyStatusChangeIsRecordedInTheHistory() {
        String shipped = placedOrder();
        apply(shipped, 2, new OrderConfirmed(shipped));
        apply(shipped, 3, new OrderShipped(shipped));
        assertStatus(shipped, "SHIPPED", 3);
        assertThat(mongoOrder(shipped).getList("statusHistory", Document.class)).containsExactly(
                history("PENDING", placedAt, 1), history("CONFIRMED", at(2), 2), history("SHIPPED", at(3), 3));
        assertThat(mongoOrder(shipped)).doesNotContainKey("rejectionReason");

        String rejected = placedOrder();
        apply(rejected, 2, new OrderRejected(rejected, "insufficient stock for lamp"));
        assertStatus(rejected, "REJECTED", 2);
        assertThat(mongoOrder(rejected)).containsEntry("rejectionReason", "insufficient stock for lamp");

        String cancelled = placedOrder();
        apply(cancelled, 2, new OrderConfirmed(cancelled));
        apply(cancelled, 3, new OrderCancelled(cancelled));
        assertStatus(cancelled, "CANCELLED", 3);
        assertThat(mongoOrder(cancelled).getList("statusHistory", Document.class))
                .extracting(entry -> entry.getString("status"))
                .containsExactly("PENDING", "CONFIRMED", "CANCELLED");
    }

    @Test
    void aUsersOrdersAreListedNewestFirstAndSearchable() throws IOException {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newestFirst.addFirst(placedOrder(placedAt.plusSeconds(i)));
        }

        List<String> listed = mongo.getCollection(ORDERS).find(Filters.eq("userId", userId))
                .sort(Sorts.orderBy(Sorts.descending("placedAt"), Sorts.descending("_id")))
                .map(order -> order.getString("_id"))
                .into(new ArrayList<>());
        assertThat(listed).isEqualTo(newestFirst);

        elasticsearch.indices().refresh(refresh -> refresh.index("orders"));
        SearchResponse<ObjectNode> found = elasticsearch.search(search -> search.index("orders")
                .query(query -> query.bool(bool -> bool
                        .filter(filter -> filter.term(term -> term.field("userId").value(userId)))
                        .filter(filter -> filter.term(term -> term.field("status").value("PENDING"))))),
                ObjectNode.class);
        assertThat(found.hits().hits()).extracting(Hit::id).containsExactlyInAnyOrderElementsOf(newestFirst);
    }

    @Test
    void theOrdersCollectionHasTheIndicesItIsReadThrough() {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                mongo.getCollection(ORDERS).listIndexes().map(index -> index.get("key", Document.class))
                        .into(new ArrayList<>()))
                .contains(new Document("userId", 1).append("placedAt", -1).append("_id", -1),
                        new Document("status", 1).append("placedAt", -1),
                        new Document("placedAt", -1)));
        assertThat(mongo.getCollection("view_registry").find(Filters.eq("_id", "orders")).first())
                .isEqualTo(new Document("_id", "orders").append("collection", ORDERS));
    }

    @Test
    void aPlacedOrderWhoseLinesContradictItsTotalIsDeadLettered() {
        String contradicting = UUID.randomUUID().toString();
        String valid = UUID.randomUUID().toString();
        int partition = 2;
        send(onPartition(event(new OrderPlaced(contradicting, userId, List.of(new OrderLine("lamp", 3, TEN)), TEN), 1,
                nextPosition(), placedAt), partition));
        send(onPartition(event(new OrderPlaced(valid, userId, List.of(new OrderLine("lamp", 1, TEN)), TEN), 1,
                nextPosition(), placedAt), partition));

        awaitVersion(ORDERS, ORDERS, valid, 1);
        assertThat(mongoDocument(ORDERS, contradicting)).isEmpty();
        assertThat(searchDocument(ORDERS, contradicting).found()).isFalse();
        assertThat(deadLetters(AggregateType.ORDER.topic(), Set.of(contradicting), 2))
                .extracting(record -> header(record, "kafka_dlt-exception-message"))
                .allSatisfy(message -> assertThat(message).contains("totals 10.00 EUR, its lines 30.00 EUR"));
    }

    @Test
    void aReplayAndARedeliveryChangeNothing() {
        String orderId = UUID.randomUUID().toString();
        assertReplayChangesNothing(ORDERS, ORDERS, OrdersMongoProjection.NAME, OrdersSearchProjection.NAME, List.of(
                event(new OrderPlaced(orderId, userId, List.of(new OrderLine("lamp", 1, TEN)), TEN), 1,
                        nextPosition(), placedAt),
                event(new OrderConfirmed(orderId), 2, nextPosition(), at(2)),
                event(new OrderShipped(orderId), 3, nextPosition(), at(3))));
    }

    private String placedOrder() {
        return placedOrder(placedAt);
    }

    private String placedOrder(Instant at) {
        String orderId = UUID.randomUUID().toString();
        send(event(new OrderPlaced(orderId, userId, List.of(new OrderLine("lamp", 1, TEN)), TEN), 1, nextPosition(),
                at));
        awaitVersion(ORDERS, ORDERS, orderId, 1);
        return orderId;
    }

    private void apply(String orderId, int version, DomainEvent event) {
        send(event(event, version, nextPosition(), at(version)));
        awaitVersion(ORDERS, ORDERS, orderId, version);
    }

    private void assertStatus(String orderId, String status, int version) {
        assertThat(mongoOrder(orderId)).containsEntry("status", status)
                .containsEntry("updatedAt", Date.from(at(version)));
        ObjectNode indexed = searchDocument(ORDERS, orderId).source();
        assertThat(indexed.get("status").asText()).isEqualTo(status);
        assertThat(indexed.get("updatedAt").asText()).isEqualTo(at(version).toString());
        assertThat(indexed.get("placedAt").asText()).isEqualTo(placedAt.toString());
    }

    private Instant at(int version) {
        return placedAt.plusSeconds(60L * (version - 1));
    }

    private Document mongoOrder(String orderId) {
        return mongoDocument(ORDERS, orderId).orElseThrow();
    }

    private static Document money(String amount) {
        return new Document("amount", amount).append("currency", "EUR");
    }

    private static Document history(String status, Instant at, long version) {
        return new Document("status", status).append("at", Date.from(at)).append("version", version);
    }
}
