package io.tributary.projections.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.events.EventDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields an event's payload must carry: its JSON Schema's {@code required} list, read once per event type. A
 * field added to an event later is optional there (a registration's {@code subject}), so the events stored
 * before it stay readable.
 */
final class RequiredFields {

    private final ObjectMapper json;
    private final Map<EventDescriptor, List<String>> byEvent = new ConcurrentHashMap<>();

    RequiredFields(ObjectMapper json) {
        this.json = json;
    }

    /** The first required field the payload lacks, or null when it has them all. */
    String firstMissing(EventDescriptor descriptor, JsonNode payload) {
        for (String field : byEvent.computeIfAbsent(descriptor, this::read)) {
            if (!payload.has(field)) {
                return field;
            }
        }
        return null;
    }

    private List<String> read(EventDescriptor descriptor) {
        try (InputStream schema = EventDescriptor.class.getClassLoader().getResourceAsStream(descriptor.schemaResource())) {
            if (schema == null) {
                throw new IllegalStateException("no schema " + descriptor.schemaResource() + " on the classpath");
            }
            List<String> required = new ArrayList<>();
            json.readTree(schema).path("required").forEach(field -> required.add(field.asText()));
            return List.copyOf(required);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
