package io.tributary.systemtests;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.List;

/**
 * Each field of a body with a value of a JSON type its schema does not allow. Only types that no lenient reading
 * turns into the right one: Jackson reads a number or a boolean where a string is expected as its text, so a
 * string field gets objects and arrays; a number field also gets strings that are no number and booleans (and a
 * whole-number field strings and fractions, which the command API reads strictly; amounts may be strings); only a
 * required field gets null (or, for a number, the empty string Jackson reads as null): an optional one is cleared.
 */
final class WrongJsonTypes {

    private WrongJsonTypes() {
    }

    static Arbitrary<BadInput> of(ApiOperation operation, ValidRequests valid, String target) {
        List<JsonFields.Field> fields = JsonFields.of(valid.body(operation), operation.bodySchema());
        return Arbitraries.of(fields).flatMap(field -> Arbitraries.of(wrongValues(field)).map(wrong ->
                BadInput.refused(operation, "wrong-type", field + " = " + wrong, target, BadInput.JSON_CONTENT,
                        JsonFields.with(valid.body(operation), field, wrong), RawHttp.Framing.CONTENT_LENGTH)));
    }

    private static List<String> wrongValues(JsonFields.Field field) {
        List<String> wrong = new ArrayList<>(List.of("{}", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}"));
        switch (field.type()) {
            case "string" -> wrong.addAll(List.of("[]", "[\"a\",\"b\"]"));
            case "integer" -> wrong.addAll(List.of("[]", "[1]", "\"abc\"", "true", "\"1 OR 1=1\"", "\"12\"", "12.0"));
            case "number" -> wrong.addAll(List.of("[]", "[1]", "\"abc\"", "true", "\"1 OR 1=1\""));
            case "object" -> wrong.addAll(List.of("[]", "\"text\"", "42", "true"));
            case "array" -> wrong.addAll(List.of("\"text\"", "42", "true", "[[]]", "[42]", "[\"text\"]"));
            default -> throw new IllegalStateException("no wrong values for a field of type '" + field.type() + "'");
        }
        if (field.required()) {
            // Read as null where a number is expected, which is valid for an optional field (it clears it).
            wrong.addAll(field.type().equals("integer") || field.type().equals("number") ? List.of("null", "\"\"")
                    : List.of("null"));
        }
        return wrong;
    }
}
