package io.tributary.query.view;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisEntryTest {

    private static final Document ORDER = new Document("_id", "o-1").append("userId", "u-1")
            .append("lines", List.of(new Document("productId", "p-1").append("quantity", 2)
                    .append("unitPrice", new Document("amount", "12.50").append("currency", "EUR"))))
            .append("placedAt", new Date(1_764_000_000_000L)).append("version", 12L).append("position", 4711L);

    @Test
    void theStoredFormStartsWithTheVersionTheWriteScriptCompares() {
        byte[] stored = RedisEntry.of(ORDER).bytes();

        assertThat(new String(Arrays.copyOf(stored, 3), StandardCharsets.US_ASCII)).isEqualTo("12:");
    }

    @Test
    void aStoredDocumentDecodesToWhatMongoDbGave() {
        RedisEntry decoded = RedisEntry.from(RedisEntry.of(ORDER).bytes());

        assertThat(decoded.version()).isEqualTo(12L);
        assertThat(decoded.document()).isEqualTo(ORDER);
        assertThat(decoded.document().get("version")).isInstanceOf(Long.class);
        assertThat(decoded.document().get("placedAt")).isInstanceOf(Date.class);
    }

    @Test
    void aValueWithoutAVersionIsRefused() {
        assertThatThrownBy(() -> RedisEntry.from("{\"_id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
