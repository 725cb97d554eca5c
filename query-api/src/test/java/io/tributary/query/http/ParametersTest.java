package io.tributary.query.http;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersTest {

    @Test
    void validValuesAreTyped() {
        assertThat(Parameters.uuid("id", " 3F0C2D1E-0000-4000-8000-00000000000A ")).isEqualTo("3f0c2d1e-0000-4000-8000-00000000000a");
        assertThat(Parameters.limit(null)).isEqualTo(20);
        assertThat(Parameters.limit("100")).isEqualTo(100);
        assertThat(Parameters.optionalAmount("minPrice", "19.99")).isEqualByComparingTo(new BigDecimal("19.99"));
        assertThat(Parameters.optionalInstant("from", "2026-11-01T10:00:00Z")).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(Parameters.optionalBoolean("inStock", "TRUE")).isTrue();
        assertThat(Parameters.optionalChoice("unit", "seconds", TimeUnit.class)).isEqualTo(TimeUnit.SECONDS);
        assertThat(Parameters.optionalText("q", "", 10)).isNull();
    }

    @Test
    void invalidValuesNameTheirParameter() {
        assertInvalid(() -> Parameters.uuid("id", "{\"$ne\":null}"), "id");
        assertInvalid(() -> Parameters.uuid("id", "1-1-1-1-1"), "id");
        assertInvalid(() -> Parameters.limit("0"), "limit");
        assertInvalid(() -> Parameters.limit("1e2"), "limit");
        assertInvalid(() -> Parameters.optionalAmount("maxPrice", "-1"), "maxPrice");
        assertInvalid(() -> Parameters.optionalAmount("maxPrice", "NaN"), "maxPrice");
        assertInvalid(() -> Parameters.optionalAmount("maxPrice", "1e400"), "maxPrice");
        assertInvalid(() -> Parameters.optionalAmount("maxPrice", "0.000001"), "maxPrice");
        assertInvalid(() -> Parameters.optionalInstant("to", "2026-11-01"), "to");
        assertInvalid(() -> Parameters.optionalInstant("to", "+999999999-12-31T23:59:59Z"), "to");
        assertInvalid(() -> Parameters.optionalInstant("from", "-0001-01-01T00:00:00Z"), "from");
        assertInvalid(() -> Parameters.optionalBoolean("inStock", "yes"), "inStock");
        assertInvalid(() -> Parameters.optionalChoice("status", "{\"$in\":[]}", TimeUnit.class), "status");
        assertInvalid(() -> Parameters.text("q", "  ", 10), "q");
        assertInvalid(() -> Parameters.text("q", "x".repeat(11), 10), "q");
        assertInvalid(() -> Parameters.requireOrdered("to", 2, 1, "must not be before from"), "to");
    }

    private static void assertInvalid(Runnable parse, String parameter) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
