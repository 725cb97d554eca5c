package io.tributary.command.relay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The global positions of stored events, as the event store holds them. The relay cannot take them from its tracking
 * tokens: after an event that committed late (it fills a gap), the token's index is still the highest position read,
 * not that event's own, and every reader of the store (the view check, a rebuild) sees the event at its own.
 */
@Component
class EventPositions {

    private static final String POSITIONS_OF =
            "SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY(?)";

    private final JdbcTemplate eventStore;

    EventPositions(JdbcTemplate eventStore) {
        this.eventStore = eventStore;
    }

    /** One query for a whole batch: the position of each event, by its identifier. */
    Map<String, Long> of(Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>();
        eventStore.query(POSITIONS_OF, statement -> {
            Array identifiers = statement.getConnection().createArrayOf("text", eventIdentifiers.toArray());
            statement.setArray(1, identifiers);
        }, row -> {
            positions.put(row.getString(1), row.getLong(2));
        });
        if (positions.size() < eventIdentifiers.size()) {
            throw new IllegalStateException("events " + eventIdentifiers.stream()
                    .filter(identifier -> !positions.containsKey(identifier)).toList() + " are not in the event store");
        }
        return positions;
    }
}
