package io.tributary.chaos;

import com.fasterxml.jackson.databind.JsonNode;

/** An event as the event store holds it; {@code type} is the payload's simple class name, e.g. {@code OrderPlaced}. */
record StoredEvent(long position, String aggregateId, long sequence, String type, JsonNode payload) {
}
