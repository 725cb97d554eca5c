package io.tributary.bench.scenario;

import io.tributary.bench.report.Section;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the command API's own event processors (the Kafka relay and the order sagas) are behind the event store,
 * read from their tokens. Loading the data set leaves them minutes of work (every order's saga reserves its stock),
 * which a closed-loop measurement right after it would share the command API with.
 */
public final class CommandSideBacklog {

    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(-?\\d+)");
    private static final Duration POLL = Duration.ofSeconds(1);

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public CommandSideBacklog(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Events the slowest processor segment has still to handle. */
    private long behind() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            long head = single(statement, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            long slowest = head;
            try (ResultSet tokens = statement.executeQuery(
                    "SELECT convert_from(token, 'UTF8') FROM token_entry WHERE token IS NOT NULL")) {
                while (tokens.next()) {
                    OptionalLong index = indexOf(tokens.getString(1));
                    if (index.isPresent()) {
                        slowest = Math.min(slowest, index.getAsLong());
                    }
                }
            }
            return head - slowest;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event processors' tokens: " + e.getMessage(), e);
        }
    }

    /** Waits until no processor is behind, at most {@code limit}; notes in the section when one still was. */
    public void awaitCaughtUp(Duration limit, Section section, String when) {
        long deadline = System.nanoTime() + limit.toNanos();
        long behind;
        try {
            behind = behind();
            while (behind > 0 && System.nanoTime() < deadline) {
                Pause.sleep(POLL);
                behind = behind();
            }
        } catch (IllegalStateException e) {
            section.note("Whether the command API's relay and order sagas had caught up " + when + " is unknown: "
                    + e.getMessage());
            return;
        }
        if (behind > 0) {
            section.note(String.format(Locale.ROOT, "The command API's relay or order sagas were still %,d events behind %s"
                    + " (waited %d s).", behind, when, limit.toSeconds()));
        }
    }

    /** The position of a serialized tracking token ({@code {"index":41,"gaps":[38]}}): the highest event it passed. */
    static OptionalLong indexOf(String serializedToken) {
        Matcher index = TOKEN_INDEX.matcher(serializedToken);
        return index.find() ? OptionalLong.of(Long.parseLong(index.group(1))) : OptionalLong.empty();
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
