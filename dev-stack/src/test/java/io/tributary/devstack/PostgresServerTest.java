package io.tributary.devstack;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack's own PostgreSQL survives a crash as a real server does: nothing it acknowledged is lost. */
class PostgresServerTest {

    /** A test stack's server (fresh data), killed right after a commit, as the chaos run kills it. */
    @Test
    void aKilledServerRestartsOnItsPortWithEveryCommittedRow() throws Exception {
        try (LocalStack stack = LocalStack.start(StackConfig.forTests(EnumSet.of(Server.POSTGRES)))) {
            String url = stack.endpoints().postgresJdbcUrl();
            try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                connection.createStatement().execute("create table committed (v text)");
                connection.createStatement().execute("insert into committed values ('before the crash')");
            }
            stack.kill(Server.POSTGRES);
            stack.restart(Server.POSTGRES);
            assertThat(stack.endpoints().postgresJdbcUrl()).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                 ResultSet rows = connection.createStatement().executeQuery("select v from committed")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before the crash");
            }
        }
    }
}
