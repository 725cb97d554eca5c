package io.tributary.command.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.DomainEvent;
import io.tributary.events.EventCatalog;
import io.tributary.events.EventDescriptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Maps an event of the event store to a Kafka record in CloudEvents binary content mode. */
@Component
class CloudEventRecords {

    static final String SOURCE = "/tributary/command-api";

    private final ObjectMapper json;

    CloudEventRecords(ObjectMapper json) {
        this.json = json;
    }

    ProducerRecord<String, byte[]> toRecord(DomainEvent event, EventMessage<?> message, long sequence, long position) {
        EventDescriptor descriptor = EventCatalog.of(event.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                descriptor.aggregateType().topic(), event.aggregateId(), payload(event));
        Headers headers = record.headers();
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        put(headers, CloudEventHeaders.ID, message.getIdentifier());
        put(headers, CloudEventHeaders.TYPE, descriptor.cloudEventType());
        put(headers, CloudEventHeaders.SOURCE, SOURCE);
        put(headers, CloudEventHeaders.SUBJECT, event.aggregateId());
        put(headers, CloudEventHeaders.TIME, message.getTimestamp().toString());
        put(headers, CloudEventHeaders.DATA_SCHEMA, descriptor.dataSchema());
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        put(headers, CloudEventHeaders.AGGREGATE_TYPE, descriptor.aggregateType().label());
        put(headers, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(sequence + 1));
        put(headers, CloudEventHeaders.POSITION, Long.toString(position));
        if (message.getMetaData().get(CloudEventHeaders.TRACEPARENT) instanceof String traceparent) {
            put(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return record;
    }

    private byte[] payload(DomainEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.getClass().getName(), e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
