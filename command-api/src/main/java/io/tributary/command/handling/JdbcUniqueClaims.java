package io.tributary.command.handling;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Claims are rows written in the command's own transaction, so a claim and the events that rely on it commit
 * or roll back together; concurrent claims of one value are serialised by the primary key.
 */
@Component
public class JdbcUniqueClaims implements UniqueClaims {

    private final JdbcTemplate jdbc;

    public JdbcUniqueClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String scope, String value, String owner) {
        String key = UniqueClaims.normalise(value);
        int inserted = jdbc.update("""
                insert into unique_claim (scope, claimed_value, owner_id) values (?, ?, ?)
                on conflict (scope, claimed_value) do nothing""", scope, key, owner);
        return inserted == 1 || owner.equals(ownerOf(scope, key).orElse(null));
    }

    @Override
    public void release(String scope, String value, String owner) {
        jdbc.update("delete from unique_claim where scope = ? and claimed_value = ? and owner_id = ?",
                scope, UniqueClaims.normalise(value), owner);
    }

    private Optional<String> ownerOf(String scope, String key) {
        return jdbc.queryForList("select owner_id from unique_claim where scope = ? and claimed_value = ?",
                String.class, scope, key).stream().findFirst();
    }

}
