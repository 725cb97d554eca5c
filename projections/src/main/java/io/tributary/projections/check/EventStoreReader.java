package io.tributary.projections.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.events.DomainEvent;
import io.tributary.events.EventDescriptor;
import io.tributary.events.StoredPayloads;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.envelope.EventEnvelope;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Reads the event store (the command side's PostgreSQL tables) in global order, as the envelopes the relay would
 * publish: same event id, type, subject, time, aggregate version (sequence + 1) and position. Payloads stored at an
 * older revision are upcast first, then decoded by the projections' own {@link EnvelopeParser}. Read-only; streams
 * with a cursor, so any number of events fits in memory.
 */
public class EventStoreReader {

    private static final String HEAD = "SELECT coalesce(max(global_index), 0) FROM domain_event_entry";
    private static final String EVENTS = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                   payload_revision, payload, time_stamp
              FROM domain_event_entry
             WHERE global_index <= ?
             ORDER BY global_index""";
    private static final int FETCH_SIZE = 500;

    private final DataSource eventStore;
    private final ObjectMapper json;
    private final EnvelopeParser parser;

    public EventStoreReader(DataSource eventStore, ObjectMapper json, EnvelopeParser parser) {
        this.eventStore = eventStore;
        this.json = json;
        this.parser = parser;
    }

    /** The global position of the newest event; 0 for an empty store. */
    public long headPosition() {
        try (Connection connection = eventStore.getConnection();
             PreparedStatement statement = connection.prepareStatement(HEAD);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new EventStoreUnavailableException(e);
        }
    }

    /** Hands every event up to {@code lastPosition} to {@code sink}, oldest first; returns how many. */
    public long forEach(long lastPosition, Consumer<EventEnvelope> sink) {
        try (Connection connection = eventStore.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(EVENTS)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, lastPosition);
                long count = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(envelope(rows));
                        count++;
                    }
                }
                return count;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new EventStoreUnavailableException(e);
        }
    }

    private EventEnvelope envelope(ResultSet row) throws SQLException {
        EventDescriptor descriptor = StoredPayloads.descriptorOf(row.getString("payload_type"));
        return new EventEnvelope(
                row.getString("event_identifier"),
                descriptor.cloudEventType(),
                row.getString("aggregate_identifier"),
                Instant.parse(row.getString("time_stamp")),
                row.getLong("sequence_number") + 1,
                row.getLong("global_index"),
                null,
                payload(descriptor, row.getString("payload_revision"), row.getBytes("payload")));
    }

    private DomainEvent payload(EventDescriptor descriptor, String revision, byte[] stored) {
        try {
            JsonNode current = StoredPayloads.toCurrentRevision(descriptor, revision, json.readTree(stored));
            return parser.decode(descriptor, current);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored " + descriptor.javaType().getName(), e);
        }
    }

    public static class EventStoreUnavailableException extends RuntimeException {
        EventStoreUnavailableException(SQLException cause) {
            super("cannot read the event store: " + cause.getMessage(), cause);
        }
    }
}
