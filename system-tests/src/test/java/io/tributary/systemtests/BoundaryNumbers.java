package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.util.List;

/**
 * Numbers at and past the edges in each numeric field of a body: the ends of int and long and one past them, far
 * beyond any range ({@code 1e309} overflows a double), negative zero, fractions where a whole number is expected,
 * hundreds of digits, and the names of non-numbers as strings. A value is valid only if it is a finite number, an
 * integer literal (no fraction, no exponent) where the schema says integer, within the schema's minimum and maximum, and (for amounts) of at most 13 whole
 * digits and no more decimals than the currency has minor units (the valid bodies' prices are in euros: 2).
 */
final class BoundaryNumbers {

    private static final List<String> NUMBERS = List.of(
            "0", "-0", "-0.0", "1", "-1", "0.5", "1.5", "1.0", "1e0", "1E2", "0.00001", "1e-400", "1e309", "-1e309",
            "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "1" + "0".repeat(400), "0." + "0".repeat(400) + "1", "1000000000", "1000000001", "1000", "1001", "120",
            "121", "12", "13", "9999999999999.9999", "10000000000000", "12.34567");
    private static final List<String> NOT_NUMBERS = List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"0x10\"",
            "\"1_000\"", "\"\u0661\"");

    private BoundaryNumbers() {
    }

    static Arbitrary<BadInput> of(ApiOperation operation, ValidRequests valid, String target) {
        List<JsonFields.Field> numbers = JsonFields.of(valid.body(operation), operation.bodySchema()).stream()
                .filter(field -> field.type().equals("integer") || field.type().equals("number"))
                .toList();
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(NUMBERS), Arbitraries.of(NOT_NUMBERS));
        return Arbitraries.of(numbers).flatMap(field -> values.map(value -> new BadInput(operation, "number",
                field + " = " + abbreviated(value), target, BadInput.JSON_CONTENT,
                JsonFields.with(valid.body(operation), field, value), RawHttp.Framing.CONTENT_LENGTH,
                isValid(field.schema(), value))));
    }

    static boolean isValid(JsonNode schema, String json) {
        if (json.startsWith("\"")) {
            return false;
        }
        BigDecimal value = new BigDecimal(json);
        if (schema.path("type").asText().equals("integer") && !json.matches("-?(0|[1-9][0-9]*)")) {
            return false;
        }
        if (schema.has("minimum") && value.compareTo(schema.get("minimum").decimalValue()) < 0
                || schema.has("maximum") && value.compareTo(schema.get("maximum").decimalValue()) > 0) {
            return false;
        }
        if (schema.path("type").asText().equals("number")) {
            BigDecimal plain = value.stripTrailingZeros();
            int decimals = Math.max(plain.scale(), 0);
            return decimals <= 2 && plain.precision() - plain.scale() <= 13;
        }
        return true;
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value;
    }
}
