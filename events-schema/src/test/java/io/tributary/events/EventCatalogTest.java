package io.tributary.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderEvent;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductDetailsChanged;
import io.tributary.events.product.ProductDiscontinued;
import io.tributary.events.product.ProductEvent;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.product.ProductRestocked;
import io.tributary.events.product.StockReleased;
import io.tributary.events.product.StockReservationRefused;
import io.tributary.events.product.StockReserved;
import io.tributary.events.product.StockShipped;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserEvent;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTest {

    private static final String USER = "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";
    private static final String PRODUCT = "5a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f";
    private static final String ORDER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final Money PRICE = Money.of("19.90", "EUR");

    /** One valid instance per event type; the test below fails when a new type has none. */
    static final Map<Class<?>, DomainEvent> SAMPLES = java.util.stream.Stream.<DomainEvent>of(
                    new UserRegistered(USER, "Ada Lovelace", "ada@example.com"),
                    new UserProfileChanged(USER, "Ada King", 36, "<b>Analyst</b>"),
                    new UserProfileChanged(USER, "Ada King", null, null),
                    new UserEmailChanged(USER, "ada.king@example.com"),
                    new UserDeactivated(USER),
                    new ProductAdded(PRODUCT, "SKU-1", "Loom", "A loom", "machines", PRICE, 10),
                    new ProductDetailsChanged(PRODUCT, "Loom II", "A better loom", "machines"),
                    new ProductPriceChanged(PRODUCT, Money.of("1200", "JPY")),
                    new ProductRestocked(PRODUCT, 5, 15),
                    new ProductDiscontinued(PRODUCT),
                    new StockReserved(PRODUCT, ORDER, 2, 13, 2),
                    new StockReservationRefused(PRODUCT, ORDER, 20, "only 13 available"),
                    new StockReleased(PRODUCT, ORDER, 2, 15, 0),
                    new StockShipped(PRODUCT, ORDER, 2, 0),
                    new OrderPlaced(ORDER, USER, java.util.List.of(new OrderLine(PRODUCT, 2, PRICE)), PRICE.times(2)),
                    new OrderConfirmed(ORDER),
                    new OrderRejected(ORDER, "out of stock"),
                    new OrderCancelled(ORDER),
                    new OrderShipped(ORDER))
            .collect(java.util.stream.Collectors.toMap(Object::getClass, e -> e, (first, second) -> first));

    /** The sealed event interface of every aggregate type. */
    private static final java.util.List<Class<?>> AGGREGATE_EVENT_ROOTS = java.util.List.of(
            UserEvent.class, ProductEvent.class, OrderEvent.class);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEventTypeIsCatalogued() {
        Set<Class<?>> catalogued = new HashSet<>();
        EventCatalog.all().forEach(descriptor -> catalogued.add(descriptor.javaType()));
        assertThat(catalogued).isEqualTo(concreteEventTypes());
    }

    @Test
    void revisionAnnotationMatchesCatalog() {
        for (EventDescriptor descriptor : EventCatalog.all()) {
            Revision revision = descriptor.javaType().getAnnotation(Revision.class);
            assertThat(revision).as("@Revision on %s", descriptor.javaType()).isNotNull();
            assertThat(revision.value()).isEqualTo(String.valueOf(descriptor.revision()));
        }
    }

    @Test
    void samplesValidateAgainstTheirSchema() throws IOException {
        for (EventDescriptor descriptor : EventCatalog.all()) {
            DomainEvent sample = SAMPLES.get(descriptor.javaType());
            assertThat(sample).as("sample for %s", descriptor.javaType()).isNotNull();
            JsonNode payload = json.valueToTree(sample);
            assertThat(schema(descriptor).validate(payload)).as(descriptor.cloudEventType()).isEmpty();
        }
    }

    @Test
    void samplesSurviveAJsonRoundTrip() throws IOException {
        for (DomainEvent sample : SAMPLES.values()) {
            assertThat(json.readValue(json.writeValueAsBytes(sample), sample.getClass())).isEqualTo(sample);
        }
    }

    @Test
    void moneyTravelsAsAString() {
        JsonNode payload = json.valueToTree(SAMPLES.get(ProductAdded.class));
        assertThat(payload.at("/price/amount").isTextual()).isTrue();
        assertThat(payload.at("/price/amount").asText()).isEqualTo("19.90");
    }

    @Test
    void schemaRejectsMissingAndUnknownFields() throws IOException {
        EventDescriptor descriptor = EventCatalog.of(UserRegistered.class);
        ObjectNode payload = json.valueToTree(SAMPLES.get(UserRegistered.class));
        payload.remove("email");
        payload.put("admin", true);
        assertThat(schema(descriptor).validate(payload)).hasSize(2);
    }

    @Test
    void aRegistrationNamesItsOwnerOptionallyAndOldPayloadsStayValid() throws IOException {
        JsonSchema schema = schema(EventCatalog.of(UserRegistered.class));
        ObjectNode owned = json.valueToTree(new UserRegistered(USER, "Ada Lovelace", "ada@example.com", "kc-7f3a"));
        ObjectNode stored = json.valueToTree(SAMPLES.get(UserRegistered.class));
        stored.remove("subject");

        assertThat(schema.validate(owned)).isEmpty();
        assertThat(schema.validate(stored)).isEmpty();
        assertThat(json.treeToValue(stored, UserRegistered.class).subject()).isNull();
        owned.put("subject", "");
        assertThat(schema.validate(owned)).hasSize(1);
    }

    @Test
    void lookupByCloudEventType() {
        EventDescriptor descriptor = EventCatalog.of(UserRegistered.class);
        assertThat(descriptor.cloudEventType()).isEqualTo("io.tributary.user.registered.v1");
        assertThat(EventCatalog.byCloudEventType("io.tributary.user.registered.v1")).contains(descriptor);
        assertThat(EventCatalog.byCloudEventType("io.tributary.user.unknown.v1")).isEmpty();
    }

    private JsonSchema schema(EventDescriptor descriptor) throws IOException {
        return schema(descriptor.schemaResource());
    }

    static JsonSchema schema(String resource) throws IOException {
        try (InputStream in = EventCatalogTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("schema resource %s", resource).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static Set<Class<?>> concreteEventTypes() {
        Set<Class<?>> concrete = new HashSet<>();
        ArrayDeque<Class<?>> pending = new ArrayDeque<>();
        pending.addAll(AGGREGATE_EVENT_ROOTS);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isSealed()) {
                pending.addAll(java.util.List.of(type.getPermittedSubclasses()));
            } else {
                concrete.add(type);
            }
        }
        return concrete;
    }
}
