package io.tributary.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** First answers per caller and Idempotency-Key, in PostgreSQL next to the events they describe. */
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
    boolean claim(IdempotencyKey key, String fingerprint) {
        return jdbc.update("""
                insert into idempotency_record (subject, idempotency_key, fingerprint, status, headers, body)
                values (?, ?, ?, 0, '', ''::bytea) on conflict (subject, idempotency_key) do nothing""",
                key.subject(), key.key(), fingerprint) == 1;
    }

    void complete(IdempotencyKey key, StoredAnswer answer) {
        jdbc.update("""
                update idempotency_record set status = ?, headers = ?, body = ?
                where subject = ? and idempotency_key = ?""",
                answer.status(), answer.headersAsText(), answer.body(), key.subject(), key.key());
    }

    /** Records a refused request (4xx) after its own transaction rolled back. */
    void recordRefusal(IdempotencyKey key, StoredAnswer answer) {
        jdbc.update("""
                insert into idempotency_record (subject, idempotency_key, fingerprint, status, headers, body)
                values (?, ?, ?, ?, ?, ?) on conflict (subject, idempotency_key) do nothing""",
                key.subject(), key.key(), answer.fingerprint(), answer.status(), answer.headersAsText(), answer.body());
    }

    Optional<StoredAnswer> find(IdempotencyKey key) {
        return jdbc.query("""
                select fingerprint, status, headers, body from idempotency_record
                where subject = ? and idempotency_key = ?""",
                (row, index) -> new StoredAnswer(row.getString("fingerprint"), row.getInt("status"),
                        StoredAnswer.headersFromText(row.getString("headers")), row.getBytes("body")),
                key.subject(), key.key()).stream().findFirst();
    }

    int purgeCreatedBefore(Instant cutoff) {
        return jdbc.update("delete from idempotency_record where created_at < ?", Timestamp.from(cutoff));
    }
}
