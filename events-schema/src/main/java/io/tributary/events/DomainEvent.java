package io.tributary.events;

/**
 * Every event Tributary publishes. Each aggregate type has a sealed sub-interface in its own package
 * (e.g. {@code UserEvent}), so the catalog tests can list every concrete type.
 */
public interface DomainEvent {

    /** Identifier of the aggregate the event belongs to; also the Kafka record key. */
    String aggregateId();
}
