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
        Attributes attributes = Attributes.of(record);
        String specVersion = required(attributes.specVersion, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new UnreadableEventException("unsupported CloudEvents specversion " + specVersion);
        }
        String contentType = attributes.contentType;
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON)) {
            throw new UnreadableEventException("unsupported content-type " + contentType);
        }
        String type = required(attributes.type, CloudEventHeaders.TYPE);
        EventDescriptor descriptor = EventCatalog.byCloudEventType(type)
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + type));
        String subject = required(attributes.subject, CloudEventHeaders.SUBJECT);
        if (!subject.equals(record.key())) {
            throw new UnreadableEventException("record key " + record.key() + " is not the subject " + subject);
        }
        DomainEvent data = payload(record, descriptor);
        if (!subject.equals(data.aggregateId())) {
            throw new UnreadableEventException("payload belongs to " + data.aggregateId() + ", not to " + subject);
        }
        return new EventEnvelope(
                required(attributes.id, CloudEventHeaders.ID),
                type,
                subject,
                instant(attributes.time, CloudEventHeaders.TIME),
                number(attributes.aggregateVersion, CloudEventHeaders.AGGREGATE_VERSION, 1),
                number(attributes.position, CloudEventHeaders.POSITION, 0),
                attributes.traceparent,
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

    private static Instant instant(String header, String name) {
        String value = required(header, name);
        try {
            return IsoInstant.parse(value);
        } catch (DateTimeException e) {
            throw new UnreadableEventException("header " + name + " is not an ISO-8601 instant: " + value, e);
        }
    }

    private static long number(String header, String name, long minimum) {
        String value = required(header, name);
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

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("missing header " + name);
        }
        return value;
    }

    /**
     * The attributes this parser reads, taken from the record's headers in one pass (if a header repeats, the last
     * one counts) rather than looked up one by one, each lookup going through all of the record's dozen headers.
     */
    private static final class Attributes {

        String specVersion;
        String contentType;
        String type;
        String subject;
        String id;
        String time;
        String aggregateVersion;
        String position;
        String traceparent;

        static Attributes of(ConsumerRecord<String, byte[]> record) {
            Attributes attributes = new Attributes();
            for (Header header : record.headers()) {
                switch (header.key()) {
                    case CloudEventHeaders.SPEC_VERSION -> attributes.specVersion = text(header);
                    case CloudEventHeaders.CONTENT_TYPE -> attributes.contentType = text(header);
                    case CloudEventHeaders.TYPE -> attributes.type = text(header);
                    case CloudEventHeaders.SUBJECT -> attributes.subject = text(header);
                    case CloudEventHeaders.ID -> attributes.id = text(header);
                    case CloudEventHeaders.TIME -> attributes.time = text(header);
                    case CloudEventHeaders.AGGREGATE_VERSION -> attributes.aggregateVersion = text(header);
                    case CloudEventHeaders.POSITION -> attributes.position = text(header);
                    case CloudEventHeaders.TRACEPARENT -> attributes.traceparent = text(header);
                    default -> {
                        // Attributes the views do not read (source, dataschema, aggregate type) and foreign headers.
                    }
                }
            }
            return attributes;
        }

        private static String text(Header header) {
            return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
