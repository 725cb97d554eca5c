package io.tributary.projections.envelope;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.DomainEvent;
import io.tributary.events.EventCatalog;
import io.tributary.events.EventDescriptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/**
 * Decodes a Kafka record in CloudEvents binary content mode (attributes in headers, JSON payload as value).
 * Anything that does not satisfy the envelope contract is an {@link UnreadableEventException}, because no
 * retry can fix it.
 */
@Component
public class EnvelopeParser {

    private final ObjectMapper json;
    private final RequiredFields requiredFields;

    public EnvelopeParser(ObjectMapper json) {
        // A field we do not know is tolerated, as readers should.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.requiredFields = new RequiredFields(json);
    }

    public EventEnvelope parse(ConsumerRecord<String, byte[]> record) {
        String specVersion = required(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new UnreadableEventException("unsupported CloudEvents specversion " + specVersion);
        }
        String contentType = optional(record, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON)) {
            throw new UnreadableEventException("unsupported content-type " + contentType);
        }
        String type = required(record, CloudEventHeaders.TYPE);
        EventDescriptor descriptor = EventCatalog.byCloudEventType(type)
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + type));
        String subject = required(record, CloudEventHeaders.SUBJECT);
        if (!subject.equals(record.key())) {
            throw new UnreadableEventException("record key " + record.key() + " is not the subject " + subject);
        }
        DomainEvent data = payload(record, descriptor);
        if (!subject.equals(data.aggregateId())) {
            throw new UnreadableEventException("payload belongs to " + data.aggregateId() + ", not to " + subject);
        }
        return new EventEnvelope(
                required(record, CloudEventHeaders.ID),
                type,
                subject,
                instant(record, CloudEventHeaders.TIME),
                number(record, CloudEventHeaders.AGGREGATE_VERSION, 1),
                number(record, CloudEventHeaders.POSITION, 0),
                optional(record, CloudEventHeaders.TRACEPARENT),
                data);
    }

    private DomainEvent payload(ConsumerRecord<String, byte[]> record, EventDescriptor descriptor) {
        if (record.value() == null) {
            throw new UnreadableEventException("no payload for " + descriptor.cloudEventType());
        }
        try {
            return decode(descriptor, json.readTree(record.value()));
        } catch (IOException e) {
            throw new UnreadableEventException("payload is not a valid " + descriptor.cloudEventType(), e);
        }
    }

    /**
     * Decodes a payload already at the descriptor's revision, as strictly as a record's: readers of the event store
     * must see exactly the events the projections see. A payload lacking a field its schema requires is malformed,
     * not an event with a null field.
     */
    public DomainEvent decode(EventDescriptor descriptor, JsonNode payload) {
        String missing = payload == null || !payload.isObject() ? "" : requiredFields.firstMissing(descriptor, payload);
        if (missing != null) {
            throw new UnreadableEventException("payload is not a valid " + descriptor.cloudEventType()
                    + (missing.isEmpty() ? ": not an object" : ": it lacks " + missing));
        }
        try {
            return decoded(descriptor, json.readerFor(descriptor.javaType()).readValue(payload));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEventException("payload is not a valid " + descriptor.cloudEventType(), e);
        }
    }

    private static DomainEvent decoded(EventDescriptor descriptor, Object value) {
        return (DomainEvent) Objects.requireNonNull(value, "null payload of " + descriptor.cloudEventType());
    }

    private static Instant instant(ConsumerRecord<String, byte[]> record, String name) {
        String value = required(record, name);
        try {
            return IsoInstant.parse(value);
        } catch (DateTimeException e) {
            throw new UnreadableEventException("header " + name + " is not an ISO-8601 instant: " + value, e);
        }
    }

    private static long number(ConsumerRecord<String, byte[]> record, String name, long minimum) {
        String value = required(record, name);
        try {
            long number = Long.parseLong(value);
            if (number < minimum) {
                throw new UnreadableEventException("header " + name + " must be at least " + minimum + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UnreadableEventException("header " + name + " is not a number: " + value, e);
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = optional(record, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("missing header " + name);
        }
        return value;
    }

    /** If a header repeats, the last one counts. */
    private static String optional(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
