package io.tributary.projections.envelope;

import io.tributary.events.DomainEvent;

import java.time.Instant;

/**
 * One event as the projections see it: the CloudEvents attributes of a Kafka record plus its decoded payload.
 *
 * @param id               {@code ce_id}, unique per event
 * @param type             {@code ce_type}, e.g. {@code io.tributary.user.registered.v1}
 * @param subject          {@code ce_subject}, the aggregate id (also the record key and the payload's id)
 * @param time             {@code ce_time}, when the event was recorded
 * @param aggregateVersion {@code ce_aggregateversion}, 1 for the first event of an aggregate
 * @param position         {@code ce_position}, the event's global position in the event store
 * @param traceparent      W3C trace context of the originating request, or {@code null}
 */
public record EventEnvelope(String id,
                            String type,
                            String subject,
                            Instant time,
                            long aggregateVersion,
                            long position,
                            String traceparent,
                            DomainEvent data) {
}
