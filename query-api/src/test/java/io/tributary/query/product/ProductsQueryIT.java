package io.tributary.query.product;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.query.support.QueryApiIT;
import io.tributary.query.support.ViewFixtures;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.tributary.query.support.ViewFixtures.product;
import static io.tributary.query.support.ViewFixtures.productSearchDocument;
import static org.assertj.core.api.Assertions.assertThat;

/** Products by id, search with facets and paging, and autocomplete, on the real stores. */
@SuppressWarnings({"rawtypes", "unchecked"})
class ProductsQueryIT extends QueryApiIT {

    /** A category of this run only, so facets and filters see exactly the products below. */
    private static final String FURNITURE = "furniture-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DESK = UUID.randomUUID().toString();
    private static final String LAMP = UUID.randomUUID().toString();
    private static final String CHAIR = UUID.randomUUID().toString();
    private static final String STAND = UUID.randomUUID().toString();
    /** A category of this run with one product priced in euros and one in dollars. */
    private static final String IMPORTED = "imported-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RUG = UUID.randomUUID().toString();
    private static final String KETTLE = UUID.randomUUID().toString();
    private static boolean seeded;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        ViewFixtures views = views(mongo).register("products").createIndex("products");
        Instant added = Instant.parse("2026-11-01T10:00:00Z");
        for (Document product : List.of(
                product(DESK, "DESK-1", "Standing Desk", "Height adjustable desk with an oak top", FURNITURE, "349.00", 5, false, added, 1),
                product(LAMP, "LAMP-1", "Desk Lamp", "A warm LED lamp for any desk", FURNITURE, "39.90", 0, false, added.plusSeconds(60), 1),
                product(CHAIR, "CHAIR-1", "Office Chair", "Ergonomic chair with lumbar support", FURNITURE, "149.00", 3, false, added.plusSeconds(120), 1),
                product(STAND, "STAND-1", "Laptop Stand", "Aluminium stand, folds flat", "accessories", "24.50", 10, false, added.plusSeconds(180), 1),
                product(RUG, "RUG-1", "Wool Rug", "Hand-woven", IMPORTED, "80.00", 2, false, added, 1),
                product(KETTLE, "KETTLE-1", "Copper Kettle", "Whistling", IMPORTED, "120.00", 2, false, added, 1)
                        .append("price", new Document("amount", "120.00").append("currency", "USD")))) {
            views.store("products", product);
            views.index("products", product.getString("_id"), 1, productSearchDocument(product), true);
        }
        seeded = true;
    }

    @Test
    void aProductByIdHasItsExactPriceAndVersionAsETag() {
        ResponseEntity<Map> answer = get("/api/v1/products/" + DESK);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("id", DESK).containsEntry("name", "Standing Desk")
                .containsEntry("price", Map.of("amount", "349.00", "currency", "EUR"))
                .containsEntry("available", 5).containsEntry("version", 1);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(answer.getHeaders().getCacheControl()).contains("private").contains("no-cache");
        assertThat(get("/api/v1/products/" + DESK, "If-None-Match", "\"1\"").getStatusCode().value()).isEqualTo(304);
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        ResponseEntity<Map> unknown = get("/api/v1/products/" + UUID.randomUUID());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).containsEntry("type", "urn:tributary:problem:not-found");
        assertThat(parameterOf(http.getForEntity("/api/v1/products/{id}", Map.class, "{\"$ne\":null}"))).isEqualTo("id");
    }

    @Test
    void hotProductsComeFromTheNearCacheButATokenForcesAFreshRead() {
        String id = UUID.randomUUID().toString();
        ViewFixtures views = views(mongo);
        views.store("products", product(id, "MUG-1", "Coffee Mug", "Stoneware", "kitchen", "9.99", 4, false, Instant.now(), 1));
        assertThat(get("/api/v1/products/" + id).getBody()).containsEntry("version", 1);
        double hits = cacheGets("hit");

        views.store("products", product(id, "MUG-1", "Tea Mug", "Stoneware", "kitchen", "9.99", 4, false, Instant.now(), 2));
        ResponseEntity<Map> cached = get("/api/v1/products/" + id);
        ResponseEntity<Map> fresh = get("/api/v1/products/" + id, "Consistency-Token", "product:" + id + ":2");

        assertThat(cached.getBody()).as("answered from the cache").containsEntry("version", 1).containsEntry("name", "Coffee Mug");
        assertThat(cacheGets("hit")).isEqualTo(hits + 1);
        assertThat(fresh.getBody()).containsEntry("version", 2).containsEntry("name", "Tea Mug");
        assertThat(fresh.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(get("/api/v1/products/" + id).getBody()).as("the fresh read refreshed the cache").containsEntry("version", 2);
    }

    @Test
    void searchMatchesNamesAndDescriptionsWithHighlightsAndFacets() {
        ResponseEntity<Map> answer = get("/api/v1/products?q=desk&category=" + FURNITURE);

        assertThat(ids(answer)).containsExactlyInAnyOrder(DESK, LAMP);
        Map<String, Object> first = items(answer).stream().filter(item -> item.get("id").equals(DESK)).findFirst().orElseThrow();
        assertThat(first).containsEntry("price", Map.of("amount", "349.00", "currency", "EUR"));
        assertThat((Map<String, List<String>>) first.get("highlights")).containsKey("name");
        assertThat(((Map<String, List<String>>) first.get("highlights")).get("name").getFirst()).contains("<em>Desk</em>");
        assertThat(answer.getBody()).containsEntry("total", 2);
        Map<String, Object> facets = (Map<String, Object>) answer.getBody().get("facets");
        assertThat((List<Map<String, Object>>) facets.get("categories"))
                .contains(Map.of("category", FURNITURE, "count", 2));
        assertThat((List<Map<String, Object>>) facets.get("priceRanges"))
                .contains(Map.of("from", 25.0, "to", 50.0, "count", 1), Map.of("from", 250.0, "count", 1));

        assertThat(ids(get("/api/v1/products?q=chiar&category=" + FURNITURE))).as("fuzzy").containsExactly(CHAIR);
        assertThat(ids(get("/api/v1/products?q=DESK-1"))).as("by SKU").contains(DESK);
    }

    /** Each facet counts under every selection but its own, so choosing one keeps the alternatives visible. */
    @Test
    void facetsIgnoreTheirOwnSelection() {
        ResponseEntity<Map> otherCategory = get("/api/v1/products?q=desk&category=accessories");
        assertThat(ids(otherCategory)).isEmpty();
        assertThat((List<Map<String, Object>>) facets(otherCategory).get("categories"))
                .contains(Map.of("category", FURNITURE, "count", 2));

        ResponseEntity<Map> expensive = get("/api/v1/products?category=" + FURNITURE + "&minPrice=100");
        assertThat(ids(expensive)).containsExactlyInAnyOrder(DESK, CHAIR);
        assertThat((List<Map<String, Object>>) facets(expensive).get("priceRanges"))
                .as("the lamp still counts in its price range").contains(Map.of("from", 25.0, "to", 50.0, "count", 1));
        assertThat((List<Map<String, Object>>) facets(expensive).get("categories"))
                .as("categories count under the price selection").contains(Map.of("category", FURNITURE, "count", 2));
    }

    /** Amounts in different currencies are never compared: a price filter and the price facet keep to one. */
    @Test
    void pricesAreFilteredAndCountedWithinOneCurrency() {
        String imported = "/api/v1/products?category=" + IMPORTED;
        assertThat(ids(get(imported))).as("no price filter: every currency").containsExactlyInAnyOrder(RUG, KETTLE);
        assertThat(ids(get(imported + "&minPrice=100"))).as("in euros by default").isEmpty();
        assertThat(ids(get(imported + "&minPrice=100&currency=USD"))).containsExactly(KETTLE);
        assertThat(ids(get(imported + "&maxPrice=100&currency=EUR"))).containsExactly(RUG);

        assertThat(facets(get(imported))).containsEntry("currency", "EUR");
        assertThat((List<Map<String, Object>>) facets(get(imported)).get("priceRanges"))
                .contains(Map.of("from", 50.0, "to", 100.0, "count", 1), Map.of("from", 100.0, "to", 250.0, "count", 0));
        assertThat((List<Map<String, Object>>) facets(get(imported + "&currency=USD")).get("priceRanges"))
                .contains(Map.of("from", 50.0, "to", 100.0, "count", 0), Map.of("from", 100.0, "to", 250.0, "count", 1));

        assertThat(parameterOf(get(imported + "&currency=eur"))).isEqualTo("currency");
        assertThat(parameterOf(get(imported + "&currency=EURO"))).isEqualTo("currency");
    }

    private static Map<String, Object> facets(ResponseEntity<Map> answer) {
        return (Map<String, Object>) answer.getBody().get("facets");
    }

    @Test
    void filtersAndSortsNarrowAndOrderTheResults() {
        String inCategory = "/api/v1/products?category=" + FURNITURE;
        assertThat(ids(get(inCategory + "&inStock=true"))).containsExactlyInAnyOrder(DESK, CHAIR);
        assertThat(ids(get(inCategory + "&minPrice=100&maxPrice=349.00"))).containsExactlyInAnyOrder(DESK, CHAIR);
        assertThat(ids(get(inCategory + "&sort=price"))).containsExactly(LAMP, CHAIR, DESK);
        assertThat(ids(get(inCategory + "&sort=-price"))).containsExactly(DESK, CHAIR, LAMP);
        assertThat(ids(get(inCategory + "&sort=newest"))).containsExactly(CHAIR, LAMP, DESK);
        assertThat(ids(get(inCategory + "&sort=name"))).containsExactly(LAMP, CHAIR, DESK);
    }

    @Test
    void cursorsWalkEveryPageOnceInEverySort() {
        for (String sort : List.of("relevance", "price", "-price", "newest", "name")) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 5; page++) {
                ResponseEntity<Map> answer = get("/api/v1/products?category=" + FURNITURE + "&limit=2&sort=" + sort
                        + (cursor == null ? "" : "&cursor=" + cursor));
                walked.addAll(ids(answer));
                cursor = (String) answer.getBody().get("nextCursor");
                if (cursor == null) {
                    break;
                }
            }
            assertThat(walked).as(sort).containsExactlyInAnyOrder(DESK, LAMP, CHAIR).doesNotHaveDuplicates();
            assertThat(cursor).as(sort + ": the last page has no cursor").isNull();
        }
    }

    @Test
    void autocompleteSuggestsByNameAndByAnyWordOfIt() {
        ResponseEntity<Map> answer = get("/api/v1/products/suggest?prefix=sta");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        List<Map<String, String>> suggestions = (List<Map<String, String>>) answer.getBody().get("suggestions");
        assertThat(suggestions).contains(Map.of("productId", DESK, "name", "Standing Desk"),
                Map.of("productId", STAND, "name", "Laptop Stand"));
        assertThat(suggestions).extracting(s -> s.get("productId")).doesNotHaveDuplicates();
        assertThat(answer.getHeaders().getCacheControl()).contains("max-age=30");
        assertThat(parameterOf(get("/api/v1/products/suggest"))).isEqualTo("prefix");
    }

    @Test
    void searchResultsHaveAWeakETagAndAnswer304WhileUnchanged() {
        String byPrice = "/api/v1/products?category=" + FURNITURE + "&sort=price";
        String etag = get(byPrice).getHeaders().getETag();
        assertThat(etag).startsWith("W/\"");
        assertThat(get(byPrice, "If-None-Match", etag).getStatusCode().value()).isEqualTo(304);
        assertThat(get("/api/v1/products?category=" + FURNITURE + "&sort=-price", "If-None-Match", etag).getStatusCode().value())
                .as("another result, another tag").isEqualTo(200);
    }

    @Test
    void clientTextIsNeverInterpretedAsQuerySyntax() {
        for (String text : List.of("*:*", "name:* OR 1=1", "{\"$gt\":\"\"}", "\\", "\"", "[", "AND (", "desk~10^99",
                "{\"match_all\":{}}")) {
            ResponseEntity<Map> answer = http.getForEntity("/api/v1/products?q={q}&category={c}", Map.class, text, FURNITURE);
            assertThat(answer.getStatusCode().value()).as(text).isEqualTo(200);
            assertThat(ids(answer)).as(text).doesNotContain(CHAIR);
        }
        assertThat(ids(http.getForEntity("/api/v1/products?category={c}", Map.class, "*"))).isEmpty();
        assertThat(ids(http.getForEntity("/api/v1/products?category={c}", Map.class, "{\"$ne\":null}"))).isEmpty();
    }

    @Test
    void badParametersAreNamed() {
        assertThat(parameterOf(get("/api/v1/products?minPrice=abc"))).isEqualTo("minPrice");
        assertThat(parameterOf(get("/api/v1/products?minPrice=-1"))).isEqualTo("minPrice");
        assertThat(parameterOf(get("/api/v1/products?maxPrice=1e400"))).isEqualTo("maxPrice");
        assertThat(parameterOf(get("/api/v1/products?minPrice=50&maxPrice=10"))).isEqualTo("maxPrice");
        assertThat(parameterOf(get("/api/v1/products?inStock=maybe"))).isEqualTo("inStock");
        assertThat(parameterOf(get("/api/v1/products?sort=_score"))).isEqualTo("sort");
        assertThat(parameterOf(get("/api/v1/products?limit=101"))).isEqualTo("limit");
        assertThat(parameterOf(http.getForEntity("/api/v1/products?q={q}", Map.class, "  "))).isEqualTo("q");
        assertThat(parameterOf(get("/api/v1/products?cursor=not-a-cursor!"))).isEqualTo("cursor");
        assertThat(parameterOf(get("/api/v1/products?cursor=" + base64("{\"$ne\":1}")))).isEqualTo("cursor");
        assertThat(parameterOf(get("/api/v1/products?sort=name&cursor=" + base64("[\"name\",{\"$gt\":1},\"x\"]")))).isEqualTo("cursor");

        String priceCursor = (String) get("/api/v1/products?category=" + FURNITURE + "&limit=1&sort=price").getBody().get("nextCursor");
        assertThat(parameterOf(get("/api/v1/products?sort=name&cursor=" + priceCursor))).as("a cursor of another sort").isEqualTo("cursor");
    }

    @Test
    void searchWithATokenWaitsUntilTheProductIsSearchable() {
        // An index in use: a shard nobody searched for 30 s skips its periodic refreshes until the next search.
        assertThat(ids(get("/api/v1/products?category=" + FURNITURE))).hasSize(3);
        String id = UUID.randomUUID().toString();
        Document product = product(id, "KETTLE-1", "Gooseneck Kettle", "Pour-over kettle", "kitchen", "59.00", 2, false, Instant.now(), 1);
        views(mongo).store("products", product);
        CompletableFuture.runAsync(() -> views(mongo).index("products", id, 1, productSearchDocument(product), false),
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        ResponseEntity<Map> answer = get("/api/v1/products?q=gooseneck", "Consistency-Token", "product:" + id + ":1");

        assertThat(ids(answer)).containsExactly(id);
    }

    @Test
    void theOpenApiDescriptionHasTheEndpointsAndNeitherTokensNorCallerAsQueryParameters() {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);

        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("/api/v1/products/suggest", "/api/v1/users/{userId}/orders", "/api/v1/export/orders")
                .doesNotContain("\"name\":\"tokens\"", "\"name\":\"caller\"");
    }

    private double cacheGets(String result) {
        return meters.get("cache.gets").tag("cache", "views").tag("result", result).functionCounter().count();
    }
}
