package io.tributary.projections.product;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.tributary.events.DomainEvent;
import io.tributary.events.money.Money;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductDetailsChanged;
import io.tributary.events.product.ProductDiscontinued;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.product.ProductRestocked;
import io.tributary.events.product.StockReleased;
import io.tributary.events.product.StockReservationRefused;
import io.tributary.events.product.StockReserved;
import io.tributary.events.product.StockShipped;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.tributary.projections.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProductProjectionsIT extends ProjectionsIntegrationTest {

    private static final String PRODUCTS = "products_v1";

    private final String id = UUID.randomUUID().toString();
    /**
     * A word no other product has, so searches and suggestions find only this one; letters only, as the completion
     * field's analyzer splits at anything else.
     */
    private final String brand = "Brand" + ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private final Instant addedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private long lastPosition;

    @Test
    void everyProductEventLandsInBothViews() {
        apply(1, new ProductAdded(id, "KB-" + id, brand + " Keyboard", "Brown switches", "peripherals",
                Money.of("149.00", "EUR"), 5));
        assertThat(mongoProduct()).isEqualTo(new Document("_id", id)
                .append("productId", id)
                .append("sku", "KB-" + id)
                .append("name", brand + " Keyboard")
                .append("description", "Brown switches")
                .append("category", "peripherals")
                .append("price", new Document("amount", "149.00").append("currency", "EUR"))
                .append("available", 5)
                .append("reserved", 0)
                .append("discontinued", false)
                .append("addedAt", Date.from(addedAt))
                .append("version", 1L)
                .append("position", lastPosition));
        ObjectNode expected = JsonNodeFactory.instance.objectNode()
                .put("productId", id)
                .put("sku", "KB-" + id)
                .put("name", brand + " Keyboard")
                .put("description", "Brown switches")
                .put("category", "peripherals")
                .put("price", 149.0)
                .put("currency", "EUR")
                .put("available", 5)
                .put("reserved", 0)
                .put("inStock", true)
                .put("discontinued", false)
                .put("addedAt", addedAt.toString())
                .put("version", 1);
        expected.putObject("suggest").putArray("input").add(brand + " Keyboard").add(brand).add("Keyboard");
        assertThat(searchProduct()).isEqualTo(expected);

        apply(2, new ProductDetailsChanged(id, brand + " Keyboard Pro", "Red switches", "keyboards"));
        assertThat(mongoProduct()).containsEntry("name", brand + " Keyboard Pro")
                .containsEntry("description", "Red switches").containsEntry("category", "keyboards");
        assertThat(searchProduct().get("suggest").get("input")).containsExactly(
                JsonNodeFactory.instance.textNode(brand + " Keyboard Pro"), JsonNodeFactory.instance.textNode(brand),
                JsonNodeFactory.instance.textNode("Keyboard"), JsonNodeFactory.instance.textNode("Pro"));

        apply(3, new ProductPriceChanged(id, Money.of("129.50", "USD")));
        assertThat(mongoProduct().get("price")).isEqualTo(new Document("amount", "129.50").append("currency", "USD"));
        assertThat(searchProduct().get("price").asDouble()).isEqualTo(129.5);
        assertThat(searchProduct().get("currency").asText()).isEqualTo("USD");

        apply(4, new ProductRestocked(id, 10, 15));
        assertStock(15, 0, true);
        apply(5, new StockReserved(id, "order-1", 15, 0, 15));
        assertStock(0, 15, false);
        Document beforeRefusal = mongoProduct();
        apply(6, new StockReservationRefused(id, "order-2", 1, "insufficient stock"));
        assertThat(mongoProduct()).isEqualTo(new Document(beforeRefusal)
                .append("version", 6L).append("position", lastPosition));
        assertStock(0, 15, false);
        apply(7, new StockReleased(id, "order-1", 5, 5, 10));
        assertStock(5, 10, true);
        apply(8, new StockShipped(id, "order-1", 10, 0));
        assertStock(5, 0, true);

        Instant discontinuedAt = addedAt.plusSeconds(90);
        send(event(new ProductDiscontinued(id), 9, ++lastPosition, discontinuedAt));
        awaitVersion(PRODUCTS, PRODUCTS, id, 9);
        assertThat(mongoProduct()).containsEntry("discontinued", true)
                .containsEntry("discontinuedAt", Date.from(discontinuedAt));
        assertThat(searchProduct().get("discontinued").asBoolean()).isTrue();
        assertStock(5, 0, false);
    }

    @Test
    void productsAreFoundThroughTheAliasAndCompletedFromAPrefix() throws IOException {
        apply(1, new ProductAdded(id, "LAMP-" + id, "Desk Lamp " + brand, "Warm light", "lighting",
                Money.of("39.90", "EUR"), 2));
        elasticsearch.indices().refresh(refresh -> refresh.index("products"));

        SearchResponse<ObjectNode> found = elasticsearch.search(search -> search.index("products")
                .query(query -> query.match(match -> match.field("name").query(brand))), ObjectNode.class);
        assertThat(found.hits().hits()).extracting(Hit::id).containsExactly(id);

        assertThat(completions(brand.substring(0, 8).toLowerCase())).as("a word of the name").contains(id);
        assertThat(completions("desk lamp " + brand.toLowerCase().substring(0, 7))).as("the name").contains(id);
        assertThat(completions("lamp " + brand.toLowerCase())).as("not the middle of the name").doesNotContain(id);
    }

    @Test
    void viewsAreRegisteredUnderTheirNames() throws IOException {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                mongo.getCollection("view_registry").find(Filters.eq("_id", "products")).first())
                .isEqualTo(new Document("_id", "products").append("collection", PRODUCTS)));
        assertThat(elasticsearch.indices().getAlias(alias -> alias.name("products")).result())
                .containsOnlyKeys(PRODUCTS);
    }

    @Test
    void aReplayAndARedeliveryChangeNothing() {
        assertReplayChangesNothing(PRODUCTS, PRODUCTS, ProductsMongoProjection.NAME, ProductsSearchProjection.NAME,
                List.of(event(new ProductAdded(id, "SKU-" + id, "Chair", "Oak", "furniture",
                                Money.of("80.00", "EUR"), 4), 1, nextPosition(), addedAt),
                        event(new StockReserved(id, "order-1", 1, 3, 1), 2, nextPosition(), addedAt.plusSeconds(1)),
                        event(new StockReservationRefused(id, "order-2", 9, "insufficient stock"), 3, nextPosition(),
                                addedAt.plusSeconds(2)),
                        event(new ProductDiscontinued(id), 4, nextPosition(), addedAt.plusSeconds(3))));
    }

    private void apply(int version, DomainEvent event) {
        lastPosition = nextPosition();
        send(event(event, version, lastPosition, addedAt.plusSeconds(version - 1)));
        awaitVersion(PRODUCTS, PRODUCTS, id, version);
    }

    private void assertStock(int available, int reserved, boolean inStock) {
        assertThat(mongoProduct()).containsEntry("available", available).containsEntry("reserved", reserved);
        ObjectNode indexed = searchProduct();
        assertThat(indexed.get("available").asInt()).isEqualTo(available);
        assertThat(indexed.get("reserved").asInt()).isEqualTo(reserved);
        assertThat(indexed.get("inStock").asBoolean()).isEqualTo(inStock);
    }

    private Document mongoProduct() {
        return mongoDocument(PRODUCTS, id).orElseThrow();
    }

    private ObjectNode searchProduct() {
        return searchDocument(PRODUCTS, id).source();
    }

    private List<String> completions(String prefix) throws IOException {
        SearchResponse<ObjectNode> response = elasticsearch.search(search -> search.index("products")
                .suggest(suggest -> suggest.suggesters("names", suggester -> suggester
                        .prefix(prefix)
                        .completion(completion -> completion.field("suggest").size(20)))), ObjectNode.class);
        return response.suggest().get("names").getFirst().completion().options().stream()
                .map(CompletionSuggestOption::id)
                .toList();
    }
}
