package io.tributary.command.relay;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global position of a stored event, as the event store holds it. The relay cannot take it from its tracking
 * token: after an event that committed late (it fills a gap), the token's index is still the highest position read,
 * not that event's own, and every reader of the store (the view check, a rebuild) sees the event at its own.
 */
@Component
class EventPositions {

    private static final String POSITION_OF = "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?";

    private final JdbcTemplate eventStore;

    EventPositions(JdbcTemplate eventStore) {
        this.eventStore = eventStore;
    }

    long of(EventMessage<?> message) {
        Long position = eventStore.queryForObject(POSITION_OF, Long.class, message.getIdentifier());
        if (position == null) {
            throw new IllegalStateException("event " + message.getIdentifier() + " is not in the event store");
        }
        return position;
    }
}
