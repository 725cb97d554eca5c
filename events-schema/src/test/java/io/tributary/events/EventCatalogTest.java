package io.tributary.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.tributary.events.user.UserEvent;
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

    /** One valid instance per event type; the test below fails when a new type has none. */
    private static final Map<Class<?>, DomainEvent> SAMPLES = Map.of(
            UserRegistered.class,
            new UserRegistered("0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10", "Ada Lovelace", "ada@example.com"));

    /** The sealed event interface of every aggregate type. */
    private static final java.util.List<Class<?>> AGGREGATE_EVENT_ROOTS = java.util.List.of(UserEvent.class);

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
    void schemaRejectsMissingAndUnknownFields() throws IOException {
        EventDescriptor descriptor = EventCatalog.of(UserRegistered.class);
        ObjectNode payload = json.valueToTree(SAMPLES.get(UserRegistered.class));
        payload.remove("email");
        payload.put("admin", true);
        assertThat(schema(descriptor).validate(payload)).hasSize(2);
    }

    @Test
    void lookupByCloudEventType() {
        EventDescriptor descriptor = EventCatalog.of(UserRegistered.class);
        assertThat(descriptor.cloudEventType()).isEqualTo("io.tributary.user.registered.v1");
        assertThat(EventCatalog.byCloudEventType("io.tributary.user.registered.v1")).contains(descriptor);
        assertThat(EventCatalog.byCloudEventType("io.tributary.user.unknown.v1")).isEmpty();
    }

    private JsonSchema schema(EventDescriptor descriptor) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(descriptor.schemaResource())) {
            assertThat(in).as("schema resource %s", descriptor.schemaResource()).isNotNull();
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
