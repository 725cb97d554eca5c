package io.tributary.projections;

import io.tributary.events.AggregateType;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.EventCatalog;
import io.tributary.events.EventDescriptor;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Builds event records exactly as the command API's relay publishes them. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> userEvent(Class<?> eventType, String userId, long version,
                                                           long position, Instant time, String payloadJson) {
        EventDescriptor descriptor = EventCatalog.of(eventType);
        return record(descriptor.cloudEventType(), userId, version, position, time, payloadJson);
    }

    public static ProducerRecord<String, byte[]> orderEvent(Class<?> eventType, String orderId, long version,
                                                            long position, Instant time, String payloadJson) {
        EventDescriptor descriptor = EventCatalog.of(eventType);
        return record(AggregateType.ORDER, descriptor.cloudEventType(), orderId, version, position, time, payloadJson);
    }

    /** A user record with any {@code ce_type}, also one the catalog does not know. */
    public static ProducerRecord<String, byte[]> record(String cloudEventType, String userId, long version,
                                                        long position, Instant time, String payload) {
        return record(AggregateType.USER, cloudEventType, userId, version, position, time, payload);
    }

    private static ProducerRecord<String, byte[]> record(AggregateType aggregateType, String cloudEventType,
                                                         String aggregateId, long version, long position,
                                                         Instant time, String payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(aggregateType.topic(), aggregateId,
                payload.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, cloudEventType);
        header(record, CloudEventHeaders.SOURCE, "/tributary/command-api");
        header(record, CloudEventHeaders.SUBJECT, aggregateId);
        header(record, CloudEventHeaders.TIME, time.toString());
        header(record, CloudEventHeaders.DATA_SCHEMA,
                "urn:tributary:schema:" + aggregateType.label() + ":" + cloudEventType);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(record, CloudEventHeaders.AGGREGATE_TYPE, aggregateType.label());
        header(record, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(version));
        header(record, CloudEventHeaders.POSITION, Long.toString(position));
        header(record, CloudEventHeaders.TRACEPARENT, "00-4d4ee7095eee69db8608e4fdc3c78926-bbb3fda01844fc99-01");
        return record;
    }

    /** The same record (key, value, headers) sent to one given partition. */
    public static ProducerRecord<String, byte[]> onPartition(ProducerRecord<String, byte[]> record, int partition) {
        return new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
