package io.tributary.systemtests;

import io.tributary.devstack.StackEndpoints;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What was appended to the event store (PostgreSQL, read directly) after a position. */
final class EventStoreChanges {

    /** One appended event: its aggregate and its type's simple name. */
    record Event(String aggregateId, String type) {
    }

    private final StackEndpoints endpoints;

    EventStoreChanges(StackEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The global index of the newest event, once nothing has been appended for a while (sagas finish their work). */
    long quietPosition(Duration quiet, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long position = position();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < quiet.toNanos()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the event store did not come to rest within " + atMost);
            }
            Thread.sleep(200);
            long now = position();
            if (now != position) {
                position = now;
                stableSince = System.nanoTime();
            }
        }
        return position;
    }

    long position() {
        try (Connection connection = connect();
             ResultSet result = connection.createStatement()
                     .executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Event> since(long position) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("select aggregate_identifier, payload_type "
                     + "from domain_event_entry where global_index > ? order by global_index")) {
            query.setLong(1, position);
            List<Event> events = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String type = result.getString(2);
                    events.add(new Event(result.getString(1), type.substring(type.lastIndexOf('.') + 1)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoints.postgresJdbcUrl(), endpoints.postgresUser(),
                endpoints.postgresPassword());
    }
}
