package io.tributary.command.http;

import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreOutageTest {

    /**
     * PostgreSQL gone in the middle of a command: the pool drops the broken connection, and the command's next
     * statement, and its transaction's rollback, fail on the dropped connection with no SQLSTATE.
     */
    @Test
    void aStatementOrRollbackOnAConnectionThePoolDroppedIsAnOutage() {
        SQLException dropped = new SQLException("Connection is closed");

        assertThat(EventStoreOutage.causedBy(new JdbcException("Failed to execute the statement", dropped))).isTrue();
        assertThat(EventStoreOutage.causedBy(new TransactionSystemException(
                "Could not roll back JDBC transaction", dropped))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(EventStoreOutage.causedBy(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(EventStoreOutage.causedBy(new SQLException("Connection is closed", "42000"))).isFalse();
        assertThat(EventStoreOutage.causedBy(new IllegalStateException("no"))).isFalse();
    }
}
