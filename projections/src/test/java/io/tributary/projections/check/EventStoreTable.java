package io.tributary.projections.check;

import io.tributary.devstack.LocalStack;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, empty event store table on the test stack's PostgreSQL, with the columns of the command side's. */
final class EventStoreTable {

    private EventStoreTable() {
    }

    static PGSimpleDataSource createEmpty(LocalStack stack) throws SQLException {
        PGSimpleDataSource eventStore = new PGSimpleDataSource();
        eventStore.setURL(stack.endpoints().postgresJdbcUrl());
        eventStore.setUser(stack.endpoints().postgresUser());
        eventStore.setPassword(stack.endpoints().postgresPassword());
        try (Connection connection = eventStore.getConnection(); Statement ddl = connection.createStatement()) {
            // The columns of the command side's table that readers use (db/migration/V1__axon_event_store.sql).
            ddl.execute("DROP TABLE IF EXISTS domain_event_entry");
            ddl.execute("""
                    CREATE TABLE domain_event_entry (
                        global_index bigint PRIMARY KEY, event_identifier varchar(255) NOT NULL UNIQUE,
                        aggregate_identifier varchar(255) NOT NULL, sequence_number bigint NOT NULL,
                        payload_type varchar(255) NOT NULL, payload_revision varchar(255), payload bytea NOT NULL,
                        time_stamp varchar(255) NOT NULL,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
        return eventStore;
    }
}
