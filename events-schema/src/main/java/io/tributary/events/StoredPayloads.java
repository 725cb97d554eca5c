package io.tributary.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductAddedUpcaster;

import java.util.Objects;

/**
 * Brings a payload as the event store keeps it (Java type name, revision, JSON) to the current revision of its
 * event type, for readers of the event store that do not go through Axon (consistency checks, replays). The
 * JSON-level twins of the Axon upcasters the command side registers.
 */
public final class StoredPayloads {

    private StoredPayloads() {
    }

    /** @throws IllegalArgumentException for a type that is not published or a revision no upcaster knows */
    public static JsonNode toCurrentRevision(EventDescriptor descriptor, String storedRevision, JsonNode payload) {
        String current = Integer.toString(descriptor.revision());
        if (Objects.equals(current, storedRevision)) {
            return payload;
        }
        if (descriptor.javaType() == ProductAdded.class && "1".equals(storedRevision)) {
            return ProductAddedUpcaster.toRevision2(payload);
        }
        throw new IllegalArgumentException("no upcaster from revision " + storedRevision + " of "
                + descriptor.javaType().getName() + " to " + current);
    }

    /** The descriptor of a stored payload type (a Java class name). */
    public static EventDescriptor descriptorOf(String payloadType) {
        return EventCatalog.all().stream()
                .filter(descriptor -> descriptor.javaType().getName().equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a published event type: " + payloadType));
    }
}
