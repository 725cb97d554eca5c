package io.tributary.command.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * How far the relay is behind the event store, refreshed periodically and exported as gauges: the events appended
 * after the position every segment of the relay has published up to, and how long the oldest of them has waited.
 * Read from the token store, not from this instance's processor, so every replica reports the whole relay's backlog,
 * whichever segments it holds. Three cheap queries (the tokens, the newest global index, one event by index).
 */
@Component
class RelayBacklog {

    static final String EVENTS = "tributary.relay.backlog.events";
    static final String SECONDS = "tributary.relay.backlog.seconds";

    private static final Logger log = LoggerFactory.getLogger(RelayBacklog.class);
    private static final String TOKENS = "SELECT token, token_type FROM token_entry WHERE processor_name = ?";
    private static final String HEAD = "SELECT coalesce(max(global_index), 0) FROM domain_event_entry";
    private static final String OLDEST_AFTER =
            "SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1";

    private final JdbcTemplate eventStore;
    private final Serializer serializer;
    private volatile Backlog backlog = Backlog.UNKNOWN;

    RelayBacklog(JdbcTemplate eventStore, Serializer serializer, MeterRegistry registry) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        Gauge.builder(EVENTS, () -> backlog.events())
                .description("Events in the event store the relay has yet to publish to Kafka; -1 while unknown")
                .register(registry);
        Gauge.builder(SECONDS, () -> backlog.seconds())
                .description("How long the oldest event the relay has yet to publish has waited; 0 when none waits, -1 while unknown")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${tributary.relay.backlog-interval}", initialDelayString = "${tributary.relay.backlog-interval}")
    void refresh() {
        try {
            backlog = measure();
        } catch (DataAccessException e) {
            backlog = Backlog.UNKNOWN;
            log.debug("relay backlog unknown: {}", e.getMessage());
        }
    }

    private Backlog measure() {
        List<OptionalLong> segments = eventStore.query(TOKENS, (row, index) -> position(row.getBytes(1), row.getString(2)),
                KafkaEventRelay.PROCESSING_GROUP);
        if (segments.isEmpty()) {
            return Backlog.UNKNOWN;
        }
        // A segment without a token has published nothing yet; global indexes start at 1.
        long published = segments.stream().mapToLong(position -> position.orElse(0)).min().orElseThrow();
        long head = eventStore.queryForObject(HEAD, Long.class);
        if (head <= published) {
            return new Backlog(0, 0);
        }
        List<String> oldest = eventStore.queryForList(OLDEST_AFTER, String.class, published);
        double seconds = oldest.isEmpty() ? 0
                : Math.max(0, Duration.between(DateTimeUtils.parseInstant(oldest.getFirst()), Instant.now()).toMillis() / 1000.0);
        return new Backlog(head - published, seconds);
    }

    private OptionalLong position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(tokenType, null)));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }

    /**
     * @param events  appended after the position every segment published; -1 while unknown
     * @param seconds age of the oldest of them; 0 when none, -1 while unknown
     */
    private record Backlog(long events, double seconds) {
        static final Backlog UNKNOWN = new Backlog(-1, -1);
    }
}
