package io.tributary.projections.envelope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantTest {

    @Test
    void readsEveryInstantAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // Whole seconds, millis, micros and nanos, from 1970 to 9999, as Instant.toString writes each.
            Instant instant = Instant.ofEpochSecond(random.nextLong(253_402_300_800L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String written = instant.toString();
            assertThat(IsoInstant.parse(written)).as(written).isEqualTo(Instant.parse(written)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:30.1Z", "2026-11-22T10:15:30.12345Z", "2026-11-22T10:15:30.000000000Z",
            "2024-02-29T23:59:59.999999999Z", "2026-11-22T10:15:30+01:00", "2026-11-22T10:15:30.5+00:00",
            "2016-12-31T23:59:60Z", "2026-11-22T24:00:00Z", "2026-11-22T10:15:30.Z", "+12026-11-22T10:15:30Z",
            "0000-01-01T00:00:00Z"})
    void readsOtherIsoShapesAsInstantParseDoes(String value) {
        assertThat(IsoInstant.parse(value)).isEqualTo(Instant.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-22T10:15:30Z", "2026-02-30T10:15:30Z", "2026-11-22T24:00:01Z",
            "2026-11-22T10:60:30Z", "2026-11-22T10:15:61Z", "2026-11-22T10:15:30.1234567890Z",
            "2026-11-22T10:15:3xZ", "2026-11-22 10:15:30Z", "2026-11-22T10:15:30", "yesterday", ""})
    void refusesWhatInstantParseRefuses(String value) {
        assertThatThrownBy(() -> Instant.parse(value)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoInstant.parse(value)).isInstanceOf(DateTimeException.class);
    }
}
