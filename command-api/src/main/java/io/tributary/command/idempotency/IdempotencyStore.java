package io.tributary.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** First answers per Idempotency-Key, in PostgreSQL next to the events they describe. */
@Component
class IdempotencyStore {

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key inside the caller's transaction. A concurrent request with the same key blocks here
     * until the first one commits (then it finds the stored answer) or rolls back (then it claims the key).
     */
    boolean claim(String key, String fingerprint) {
        return jdbc.update("""
                insert into idempotency_record (idempotency_key, fingerprint, status, headers, body)
                values (?, ?, 0, '', ''::bytea) on conflict (idempotency_key) do nothing""", key, fingerprint) == 1;
    }

    void complete(String key, StoredAnswer answer) {
        jdbc.update("update idempotency_record set status = ?, headers = ?, body = ? where idempotency_key = ?",
                answer.status(), answer.headersAsText(), answer.body(), key);
    }

    /** Records a refused request (4xx) after its own transaction rolled back. */
    void recordRefusal(String key, StoredAnswer answer) {
        jdbc.update("""
                insert into idempotency_record (idempotency_key, fingerprint, status, headers, body)
                values (?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing""",
                key, answer.fingerprint(), answer.status(), answer.headersAsText(), answer.body());
    }

    Optional<StoredAnswer> find(String key) {
        return jdbc.query("select fingerprint, status, headers, body from idempotency_record where idempotency_key = ?",
                (row, index) -> new StoredAnswer(row.getString("fingerprint"), row.getInt("status"),
                        StoredAnswer.headersFromText(row.getString("headers")), row.getBytes("body")),
                key).stream().findFirst();
    }

    int purgeCreatedBefore(Instant cutoff) {
        return jdbc.update("delete from idempotency_record where created_at < ?", Timestamp.from(cutoff));
    }
}
