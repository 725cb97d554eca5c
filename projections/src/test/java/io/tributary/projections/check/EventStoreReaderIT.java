package io.tributary.projections.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.devstack.LocalStack;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestStack;
import io.tributary.events.AggregateType;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.envelope.EventEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the event store as rebuilds and checks do, on a real PostgreSQL with the event store's table: positions that
 * no event uses yet (a transaction still in flight) are found, and read once their event has committed.
 */
class EventStoreReaderIT {

    private static final LocalStack STACK = TestStack.shared(Server.POSTGRES);

    private PGSimpleDataSource eventStore;
    private EventStoreReader reader;

    @BeforeEach
    void table() throws SQLException {
        eventStore = EventStoreTable.createEmpty(STACK);
        ObjectMapper json = new ObjectMapper();
        reader = new EventStoreReader(eventStore, json, new EnvelopeParser(json));
    }

    @Test
    void findsUnusedPositionsAndReadsTheirEventsOnceCommitted() throws SQLException {
        for (long position : List.of(1L, 2L, 4L, 7L)) {
            append(position, UUID.randomUUID().toString());
        }

        assertThat(reader.unusedPositions(0, 7)).containsExactly(3L, 5L, 6L);
        assertThat(reader.unusedPositions(2, 7)).containsExactly(3L, 5L, 6L);
        List<EventEnvelope> read = new ArrayList<>();
        assertThat(reader.forEach(AggregateType.USER, 0, 7, read::add)).isEqualTo(4);
        assertThat(read).extracting(EventEnvelope::position).containsExactly(1L, 2L, 4L, 7L);
        assertThat(reader.forEachAt(AggregateType.USER, List.of(3L, 5L), event -> { })).isZero();

        String late = UUID.randomUUID().toString();
        append(5, late);
        List<EventEnvelope> filled = new ArrayList<>();
        assertThat(reader.forEachAt(AggregateType.USER, List.of(3L, 5L), filled::add)).isEqualTo(1);
        assertThat(filled).singleElement().satisfies(event -> {
            assertThat(event.position()).isEqualTo(5);
            assertThat(event.subject()).isEqualTo(late);
            assertThat(event.aggregateVersion()).isEqualTo(1);
        });
        assertThat(reader.unusedPositions(0, 7)).containsExactly(3L, 6L);
        assertThat(reader.knownAggregates(List.of(late, "unknown"))).isEqualTo(Set.of(late));
        assertThat(reader.forEachOf(late, event -> { })).isEqualTo(1);
        List<List<String>> batches = new ArrayList<>();
        reader.forEachAggregateId(AggregateType.USER, 7, 2, batches::add);
        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(batches.stream().flatMap(List::stream)).hasSize(5).doesNotHaveDuplicates().contains(late);
    }

    private void append(long position, String userId) throws SQLException {
        try (Connection connection = eventStore.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                                                     sequence_number, payload_type, payload_revision, payload, time_stamp)
                     VALUES (?, ?, ?, 0, ?, '1', ?, '2026-11-26T10:00:00Z')""")) {
            insert.setLong(1, position);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, userId);
            insert.setString(4, UserRegistered.class.getName());
            insert.setBytes(5, ("{\"userId\":\"" + userId + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}")
                    .getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
