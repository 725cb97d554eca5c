package io.tributary.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsistencyTokenTest {

    @Test
    void roundTrips() {
        ConsistencyToken token = new ConsistencyToken(AggregateType.USER, "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10", 3);
        assertThat(token.format()).isEqualTo("user:0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10:3");
        assertThat(ConsistencyToken.parse(token.format())).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "user", "user:abc", "user:abc:0", "user:abc:-1", "robot:abc:1",
            "user:{\"$gt\":1}:1", "user:abc:99999999999999999999"})
    void rejectsMalformedTokens(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ConsistencyToken.parse(text));
    }
}
