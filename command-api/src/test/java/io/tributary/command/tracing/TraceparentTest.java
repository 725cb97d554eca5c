package io.tributary.command.tracing;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceparentTest {

    @RepeatedTest(20)
    void newRootsAreValidAndDistinct() {
        String first = Traceparent.newRoot();
        assertThat(Traceparent.isValid(first)).as(first).isTrue();
        assertThat(Traceparent.newRoot()).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00-abc-def-01", "00-00000000000000000000000000000000-bbb3fda01844fc99-01",
            "00-4d4ee7095eee69db8608e4fdc3c78926-0000000000000000-01",
            "00-4D4EE7095EEE69DB8608E4FDC3C78926-bbb3fda01844fc99-01", "xx-4d4ee7095eee69db8608e4fdc3c78926-bbb3fda01844fc99-01"})
    void rejectsMalformedValues(String value) {
        assertThat(Traceparent.isValid(value)).isFalse();
    }
}
