package io.tributary.projections.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.events.AggregateType;
import io.tributary.events.DomainEvent;
import io.tributary.events.EventCatalog;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the event store (the command side's PostgreSQL tables) in global order (or one aggregate's stream), as the envelopes the relay would
 * publish: same event id, type, subject, time, aggregate version (sequence + 1) and position. Payloads stored at an
 * older revision are upcast first, then decoded by the projections' own {@link EnvelopeParser}. Read-only; streams
 * with a cursor, so any number of events fits in memory.
 */
public class EventStoreReader {

    private static final String HEAD = "SELECT coalesce(max(global_index), 0) FROM domain_event_entry";
    private static final String COLUMNS = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                   payload_revision, payload, time_stamp
              FROM domain_event_entry
            """;
    private static final String EVENTS = COLUMNS + " WHERE global_index <= ? ORDER BY global_index";
    private static final String EVENTS_OF_TYPE = COLUMNS
            + " WHERE global_index > ? AND global_index <= ? AND payload_type = ANY(?) ORDER BY global_index";
    private static final String EVENTS_AT = COLUMNS
            + " WHERE global_index = ANY(?) AND payload_type = ANY(?) ORDER BY global_index";
    private static final String STREAM = COLUMNS + " WHERE aggregate_identifier = ? ORDER BY sequence_number";
    private static final String COUNT_OF_TYPE =
            "SELECT count(*) FROM domain_event_entry WHERE global_index <= ? AND payload_type = ANY(?)";
    private static final String USED_POSITIONS =
            "SELECT global_index FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY 1";
    private static final String AGGREGATES_OF_TYPE = """
            SELECT aggregate_identifier FROM domain_event_entry
             WHERE sequence_number = 0 AND global_index <= ? AND payload_type = ANY(?)""";
    private static final String KNOWN_AGGREGATES =
            "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier = ANY(?)";
    private static final String APPENDED_AFTER =
            "SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? AND global_index > ? LIMIT 1";
    private static final int FETCH_SIZE = 1000;

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
        return query(EVENTS, statement -> statement.setLong(1, lastPosition), sink);
    }

    /** Hands the events of {@code type} after position {@code after} up to {@code upTo} to {@code sink}, oldest first. */
    public long forEach(AggregateType type, long after, long upTo, Consumer<EventEnvelope> sink) {
        return query(EVENTS_OF_TYPE, statement -> {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            statement.setArray(3, statement.getConnection().createArrayOf("varchar", payloadTypes(type)));
        }, sink);
    }

    /** Hands the events of {@code type} at the given positions (if they are used by now) to {@code sink}, oldest first. */
    public long forEachAt(AggregateType type, Collection<Long> positions, Consumer<EventEnvelope> sink) {
        if (positions.isEmpty()) {
            return 0;
        }
        return query(EVENTS_AT, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", positions.toArray()));
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", payloadTypes(type)));
        }, sink);
    }

    /** Hands one aggregate's events to {@code sink}, in order; returns how many. */
    public long forEachOf(String aggregateId, Consumer<EventEnvelope> sink) {
        return query(STREAM, statement -> statement.setString(1, aggregateId), sink);
    }

    /**
     * Hands the ids of the aggregates of {@code type} whose first event is at or below {@code upTo} to {@code sink},
     * {@code batchSize} at a time, in no particular order.
     */
    public void forEachAggregateId(AggregateType type, long upTo, int batchSize, Consumer<List<String>> sink) {
        List<String> batch = new ArrayList<>(batchSize);
        stream(AGGREGATES_OF_TYPE, 10 * FETCH_SIZE, statement -> {
            statement.setLong(1, upTo);
            statement.setArray(2, statement.getConnection().createArrayOf("varchar", payloadTypes(type)));
        }, row -> {
            batch.add(row.getString(1));
            if (batch.size() == batchSize) {
                sink.accept(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            sink.accept(List.copyOf(batch));
        }
    }

    /** Those of {@code ids} that are aggregates the store holds events of. */
    public Set<String> knownAggregates(Collection<String> ids) {
        Set<String> known = new HashSet<>();
        try (Connection connection = eventStore.getConnection();
             PreparedStatement statement = connection.prepareStatement(KNOWN_AGGREGATES)) {
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new EventStoreUnavailableException(e);
        }
        return known;
    }

    /** Whether the store holds events of the aggregate after {@code position}. */
    public boolean hasEventsAfter(String aggregateId, long position) {
        try (Connection connection = eventStore.getConnection();
             PreparedStatement statement = connection.prepareStatement(APPENDED_AFTER)) {
            statement.setString(1, aggregateId);
            statement.setLong(2, position);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new EventStoreUnavailableException(e);
        }
    }

    /** How many events of {@code type} the store holds up to {@code upTo}. */
    public long count(AggregateType type, long upTo) {
        try (Connection connection = eventStore.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT_OF_TYPE)) {
            statement.setLong(1, upTo);
            statement.setArray(2, connection.createArrayOf("varchar", payloadTypes(type)));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new EventStoreUnavailableException(e);
        }
    }

    /**
     * Positions after {@code after} up to {@code upTo} that no event uses (yet): a transaction that took its
     * position is still in flight, or it rolled back.
     */
    public List<Long> unusedPositions(long after, long upTo) {
        List<Long> unused = new ArrayList<>();
        long[] expected = {after + 1};
        stream(USED_POSITIONS, 10 * FETCH_SIZE, statement -> {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
        }, row -> {
            long used = row.getLong(1);
            for (long position = expected[0]; position < used; position++) {
                unused.add(position);
            }
            expected[0] = used + 1;
        });
        return unused;
    }

    private long query(String sql, StatementSetup setup, Consumer<EventEnvelope> sink) {
        long[] count = {0};
        stream(sql, FETCH_SIZE, setup, row -> {
            sink.accept(envelope(row));
            count[0]++;
        });
        return count[0];
    }

    /** Runs a query with a cursor (PostgreSQL streams only inside a transaction), a row at a time; read-only. */
    private void stream(String sql, int fetchSize, StatementSetup setup, RowReader rows) {
        try (Connection connection = eventStore.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(fetchSize);
                setup.apply(statement);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.read(result);
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new EventStoreUnavailableException(e);
        }
    }

    private static Object[] payloadTypes(AggregateType type) {
        return EventCatalog.all().stream()
                .filter(descriptor -> descriptor.aggregateType() == type)
                .map(descriptor -> descriptor.javaType().getName())
                .toArray();
    }

    @FunctionalInterface
    private interface StatementSetup {
        void apply(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
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
