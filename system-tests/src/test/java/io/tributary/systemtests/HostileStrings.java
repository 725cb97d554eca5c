package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strings aimed at the text fields of a body: Unicode edge cases and control characters put into the middle of a
 * valid value, and strings meant for MongoDB's operators or Elasticsearch's query syntax in place of it. Whether
 * the result is valid is decided by the rules the API documents for its text: the schema's length and pattern, no
 * C0 or C1 control character (tab, line feed and carriage return allowed in the multi-line fields), and no lone
 * surrogate (it is no Unicode text and has no UTF-8 form). Free text may otherwise hold anything, so such a value
 * is valid there; an identifier, an e-mail address or a code is not free text, and any such value is refused.
 */
final class HostileStrings {

    /** Unicode edge cases, by name. */
    static final Map<String, String> EDGE_CASES = Map.ofEntries(
            Map.entry("lone high surrogate", "\ud800"),
            Map.entry("lone low surrogate", "\udc00"),
            Map.entry("surrogates reversed", "\udc00\ud800"),
            Map.entry("right-to-left override", "\u202e"),
            Map.entry("left-to-right isolate", "\u2066"),
            Map.entry("zero-width space", "\u200b"),
            Map.entry("zero-width joiner", "\u200d"),
            Map.entry("byte order mark", "\ufeff"),
            Map.entry("noncharacter U+FFFF", "\uffff"),
            Map.entry("private use", "\ue000"),
            Map.entry("emoji", "\ud83e\uddf5"),
            Map.entry("combining marks", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301"),
            Map.entry("line separator", "\u2028"),
            Map.entry("NUL", "\u0000"),
            Map.entry("escape sequence", "\u001b[31m"),
            Map.entry("bell", "\u0007"),
            Map.entry("delete", "\u007f"),
            Map.entry("C1 next line", "\u0085"),
            Map.entry("C1 control sequence introducer", "\u009b"),
            Map.entry("tab", "\t"),
            Map.entry("line feed", "\n"),
            Map.entry("carriage return", "\r"));

    /** Whole values meant for a query language rather than for the field. */
    static final List<String> QUERY_SYNTAX = List.of(
            "{\"$gt\":\"\"}", "{\"$ne\":null}", "$where", "'; return true; var x='", "this.password.match(/.*/)",
            "*", "*:*", "name:value", "\\\"", "(", "~", "/.*/", "a OR b", "name:*) OR (_id:*",
            "{\"query\":{\"match_all\":{}}}");

    /** Fields of free text, which may hold any character the rules allow. */
    private static final Set<String> FREE_TEXT = Set.of("name", "bio", "description", "category");
    /** Free text written over several lines. */
    private static final Set<String> MULTI_LINE = Set.of("bio", "description");

    private HostileStrings() {
    }

    /** @return null for an operation whose body has no text */
    static Arbitrary<BadInput> of(ApiOperation operation, ValidRequests valid, String target) {
        List<JsonFields.Field> texts = JsonFields.of(valid.body(operation), operation.bodySchema()).stream()
                .filter(field -> field.type().equals("string"))
                .toList();
        if (texts.isEmpty()) {
            return null;
        }
        Arbitrary<BadInput> inserted = Arbitraries.of(texts).flatMap(field -> edgeCasesFor(field).map(name -> {
            ObjectNode body = valid.body(operation);
            String value = valueAt(body, field);
            int middle = value.length() / 2;
            String hostile = value.substring(0, middle) + EDGE_CASES.get(name) + value.substring(middle);
            return input(operation, target, "unicode", name + " in " + field, body, field, hostile);
        }));
        Arbitrary<BadInput> replaced = Arbitraries.of(texts).flatMap(field -> Arbitraries.of(QUERY_SYNTAX).map(text -> {
            ObjectNode body = valid.body(operation);
            return input(operation, target, "query-syntax", field + " = " + text, body, field, text);
        }));
        return Arbitraries.oneOf(inserted, replaced);
    }

    /**
     * Every edge case for free text; only those no rule can accept for other text. Whether an e-mail address may
     * hold an invisible character (U+200B and the like) is a policy of its own, which the API does not state.
     */
    private static Arbitrary<String> edgeCasesFor(JsonFields.Field field) {
        return Arbitraries.of(EDGE_CASES.entrySet().stream()
                .filter(edge -> FREE_TEXT.contains(field.name()) || hasForbiddenCharacter(edge.getValue(), false))
                .map(Map.Entry::getKey).sorted().toList());
    }

    /** A C0 or C1 control character (but tab, line feed and carriage return in multi-line text), or a lone surrogate. */
    private static boolean hasForbiddenCharacter(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
            if (Character.isHighSurrogate(c) && !(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static BadInput input(ApiOperation operation, String target, String kind, String description,
                                  ObjectNode body, JsonFields.Field field, String hostile) {
        return new BadInput(operation, kind, description, target, BadInput.JSON_CONTENT,
                JsonFields.with(body, field, JsonFields.literal(hostile)), RawHttp.Framing.CONTENT_LENGTH,
                isValid(field, hostile));
    }

    static boolean isValid(JsonFields.Field field, String text) {
        if (!FREE_TEXT.contains(field.name())) {
            return false;
        }
        JsonNode schema = field.schema();
        if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()
                || schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()
                || schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).matches()
                || text.isBlank()) {
            return false;
        }
        return !hasForbiddenCharacter(text, MULTI_LINE.contains(field.name()));
    }

    private static String valueAt(JsonNode body, JsonFields.Field field) {
        JsonNode value = body;
        for (Object step : field.path()) {
            value = step instanceof Integer index ? value.get(index) : value.get((String) step);
        }
        return value.asText();
    }
}
