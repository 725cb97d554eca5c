package io.tributary.query.support;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Seeds the views exactly as docs/views.md says the projections write them: MongoDB documents in the
 * collection the {@code view_registry} names, Elasticsearch documents through the alias of an index created
 * from the projections' own definition file, with external versioning.
 */
public final class ViewFixtures {

    private static final HttpClient ELASTIC = HttpClient.newHttpClient();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    private final MongoTemplate mongo;
    private final String elasticsearchUrl;

    ViewFixtures(MongoTemplate mongo, String elasticsearchUrl) {
        this.mongo = mongo;
        this.elasticsearchUrl = elasticsearchUrl;
    }

    /** The index {@code <view>_v1} from {@code search/<view>_v1.json} and the alias {@code <view>}, once per run. */
    public ViewFixtures createIndex(String view) {
        if (CREATED.add(view)) {
            String index = view + "_v1";
            if (elastic("HEAD", "/" + index, null).statusCode() == 404) {
                ok(elastic("PUT", "/" + index, definition(index)));
            }
            ok(elastic("POST", "/_aliases", """
                    {"actions":[{"add":{"index":"%s","alias":"%s"}}]}""".formatted(index, view)));
        }
        return this;
    }

    public ViewFixtures register(String view) {
        mongo.getCollection("view_registry").replaceOne(new Document("_id", view),
                new Document("_id", view).append("collection", view + "_v1"), new ReplaceOptions().upsert(true));
        return this;
    }

    public void store(String view, Document document) {
        mongo.getCollection(view + "_v1").replaceOne(new Document("_id", document.getString("_id")), document,
                new ReplaceOptions().upsert(true));
    }

    public void storeAll(String view, List<Document> documents) {
        mongo.getCollection(view + "_v1").insertMany(documents);
    }

    /** Indexes through the alias; {@code refresh} makes it searchable at once. */
    public void index(String view, String id, long version, String json, boolean refresh) {
        ok(elastic("PUT", "/" + view + "/_doc/" + id + "?version=" + version + "&version_type=external&refresh=" + refresh,
                json));
    }

    /** Makes everything indexed so far searchable. */
    public void refresh(String view) {
        ok(elastic("POST", "/" + view + "/_refresh", null));
    }

    // --- documents as the contract describes them -------------------------------------------------------------

    public static Document product(String id, String sku, String name, String description, String category,
                                   String price, int available, boolean discontinued, Instant addedAt, long version) {
        return new Document("_id", id).append("productId", id).append("sku", sku).append("name", name)
                .append("description", description).append("category", category)
                .append("price", money(price)).append("available", available).append("reserved", 0)
                .append("discontinued", discontinued).append("addedAt", Date.from(addedAt))
                .append("version", version).append("position", version);
    }

    /** The search document of a product document. */
    public static String productSearchDocument(Document product) {
        String name = product.getString("name");
        List<String> inputs = new ArrayList<>(List.of(name));
        inputs.addAll(Arrays.asList(name.split("\\s+")));
        Document price = product.get("price", Document.class);
        boolean inStock = product.getInteger("available") > 0 && !product.getBoolean("discontinued");
        return new Document(Map.of("productId", product.getString("_id"), "sku", product.getString("sku"),
                "name", name, "description", product.getString("description"),
                "category", product.getString("category"),
                "price", new BigDecimal(price.getString("amount")).doubleValue(),
                "currency", price.getString("currency"), "available", product.getInteger("available"),
                "reserved", product.getInteger("reserved"), "inStock", inStock))
                .append("discontinued", product.getBoolean("discontinued"))
                .append("addedAt", product.getDate("addedAt").toInstant().toString())
                .append("suggest", new Document("input", inputs))
                .append("version", product.getLong("version"))
                .toJson();
    }

    public static Document order(String id, String userId, String status, Instant placedAt, long version,
                                 String... productIds) {
        List<Document> lines = Arrays.stream(productIds).map(productId -> new Document("productId", productId)
                .append("quantity", 2).append("unitPrice", money("12.50")).append("lineTotal", money("25.00"))).toList();
        String total = new BigDecimal("25.00").multiply(BigDecimal.valueOf(productIds.length)).toPlainString();
        List<Document> history = new ArrayList<>(List.of(new Document("status", "PENDING").append("at", Date.from(placedAt))
                .append("version", 1L)));
        if (!status.equals("PENDING")) {
            history.add(new Document("status", status).append("at", Date.from(placedAt.plusSeconds(1))).append("version", version));
        }
        return new Document("_id", id).append("orderId", id).append("userId", userId).append("status", status)
                .append("lines", lines).append("total", money(total))
                .append("placedAt", Date.from(placedAt)).append("updatedAt", Date.from(placedAt.plusSeconds(1)))
                .append("statusHistory", history).append("version", version).append("position", version);
    }

    public static String orderSearchDocument(Document order) {
        List<Document> lines = order.getList("lines", Document.class);
        return new Document("orderId", order.getString("_id")).append("userId", order.getString("userId"))
                .append("status", order.getString("status"))
                .append("placedAt", order.getDate("placedAt").toInstant().toString())
                .append("updatedAt", order.getDate("updatedAt").toInstant().toString())
                .append("total", new BigDecimal(order.get("total", Document.class).getString("amount")).doubleValue())
                .append("currency", "EUR").append("lineCount", lines.size())
                .append("productIds", lines.stream().map(line -> line.getString("productId")).collect(Collectors.toList()))
                .append("version", order.getLong("version"))
                .toJson();
    }

    private static Document money(String amount) {
        return new Document("amount", amount).append("currency", "EUR");
    }

    private static String definition(String index) {
        try (InputStream in = ViewFixtures.class.getResourceAsStream("/search/" + index + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no index definition search/" + index + ".json on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> elastic(String method, String path, String body) {
        try {
            return ELASTIC.send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ok(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().uri() + ": " + response.statusCode() + " " + response.body());
        }
    }
}
