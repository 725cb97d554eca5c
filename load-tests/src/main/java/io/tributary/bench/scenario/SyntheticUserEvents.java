package io.tributary.bench.scenario;

import io.tributary.bench.system.Api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Appends user streams straight to the event store for the rebuild benchmark, copies of two real events (a
 * {@code UserRegistered} and a {@code UserProfileChanged} the command API stored) with new aggregate ids: each user
 * has one registration and three profile changes. Streams are interleaved the way a busy store interleaves them:
 * in blocks of 5,000 users, first their registrations, then each round of changes. Only while the command API is
 * stopped (it would publish them, and its sequence would collide).
 */
final class SyntheticUserEvents {

    static final int EVENTS_PER_USER = 4;
    private static final String TEMPLATE = """
            SELECT aggregate_identifier, type, payload_type, payload_revision, payload, meta_data, time_stamp
              FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?""";
    private static final String APPEND = """
            INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                                            type, payload_type, payload_revision, payload, meta_data, time_stamp)
            SELECT head.position + row_number() OVER (ORDER BY users.n / 5000, rounds.sequence, users.n),
                   gen_random_uuid()::text, ids.id, rounds.sequence, template.type, template.payload_type,
                   template.payload_revision,
                   convert_to(replace(convert_from(template.payload, 'UTF8'), template.aggregate_identifier, ids.id),
                              'UTF8'),
                   template.meta_data, template.time_stamp
              FROM (SELECT coalesce(max(global_index), 0) AS position FROM domain_event_entry) head,
                   generate_series(1, ?) users(n)
                   CROSS JOIN LATERAL (SELECT ? || '-' || users.n AS id) ids
                   CROSS JOIN generate_series(0, 3) rounds(sequence)
                   JOIN (VALUES (0, ?, 0::bigint), (1, ?, 1::bigint)) picks(kind, source, source_sequence)
                     ON picks.kind = least(rounds.sequence, 1)
                   JOIN domain_event_entry template
                     ON template.aggregate_identifier = picks.source
                    AND template.sequence_number = picks.source_sequence""";
    private static final String ADVANCE_SEQUENCE =
            "SELECT setval('domain_event_entry_seq', (SELECT max(global_index) FROM domain_event_entry))";

    private SyntheticUserEvents() {
    }

    /**
     * A user registered (without a token, as visitors sign up) and changed by the api's caller through the command
     * API, whose two stored events are the templates.
     */
    static String templateUser(Api api, String commandApi, String email) {
        Api.Answer created = api.anonymous().post(commandApi + "/api/v1/users",
                "{\"name\":\"Template User\",\"email\":\"" + email + "\"}").orThrow("register the template user");
        String id = created.json().get("id").asText();
        api.patch(commandApi + "/api/v1/users/" + id, "{\"age\":42,\"bio\":\"Weaves <b>tweed</b>.\"}")
                .orThrow("change the template user's profile");
        return id;
    }

    /**
     * @param templateUser a user whose first two events are its registration and a profile change
     * @return the events appended
     */
    static long append(String jdbcUrl, String user, String password, String templateUser, int users, String idPrefix) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            requireTemplate(connection, templateUser, 0);
            requireTemplate(connection, templateUser, 1);
            long appended;
            try (PreparedStatement append = connection.prepareStatement(APPEND)) {
                append.setInt(1, users);
                append.setString(2, idPrefix);
                append.setString(3, templateUser);
                append.setString(4, templateUser);
                appended = append.executeUpdate();
            }
            try (Statement advance = connection.createStatement()) {
                advance.execute(ADVANCE_SEQUENCE);
            }
            return appended;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append synthetic events: " + e.getMessage(), e);
        }
    }

    private static void requireTemplate(Connection connection, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement template = connection.prepareStatement(TEMPLATE)) {
            template.setString(1, aggregate);
            template.setLong(2, sequence);
            try (ResultSet row = template.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no event " + sequence + " of " + aggregate + " to copy");
                }
            }
        }
    }
}
