package io.tributary.systemtests;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Query parameters of the read operations with hostile values. A typed parameter (a limit, a cursor, a status, an
 * id, an instant, a price, a currency, a flag, a sort) gets values that are no value of its type, out of its
 * range, or an operator object; all must be refused. A free-text parameter ({@code q}, {@code category},
 * {@code prefix}) gets MongoDB operators, Elasticsearch query syntax and Unicode edge cases, which are valid text
 * to search for as long as it is not blank and within its length, and percent-encoded bytes that are no UTF-8
 * (decoded as U+FFFD); broken percent-encoding must be refused. A query string longer than any request line may be is refused too.
 */
final class HostileQueryParameters {

    private static final List<String> NOT_A_UUID = List.of("not-a-uuid", "{\"$ne\":null}", "*",
            java.util.UUID.randomUUID() + "x", "00000000-0000-0000-0000-00000000000g");
    private static final List<String> NOT_AN_INSTANT = List.of("now", "2026-13-45T00:00:00Z",
            "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.9999Z", "10000-01-01T00:00:00Z", "1e309", "{\"$gt\":\"\"}", "2026-11-01");
    private static final List<String> NOT_AN_AMOUNT = List.of("-0.01", "1e309", "NaN", "Infinity", "-Infinity",
            "1e-400", "0x10", "12.34567", "1" + "0".repeat(20), "{\"$gt\":0}", "1,5", "cheap");
    /** Values of each typed parameter that are no valid value of it. */
    private static final Map<String, List<String>> INVALID = Map.ofEntries(
            Map.entry("limit", List.of("0", "-1", "101", "2147483648", "99999999999999999999", "1e2", "1.5", "NaN",
                    "0x10", " ", "5 OR 1=1", "{\"$gt\":0}", "-0x1")),
            Map.entry("cursor", List.of("garbage", "%%%", base64("{\"$gt\":\"\"}"), base64("[\"x\",1e309]"),
                    "A".repeat(5_000), base64("[\"-price\",\"NaN\",\"id\"]"), base64("[null,null]"), base64("[]"),
                    base64("[1e309,\"" + java.util.UUID.randomUUID() + "\"]"), base64("\"" + "[".repeat(5_000) + "\""),
                    base64("[" + "[".repeat(5_000) + "]".repeat(5_000) + "]"))),
            Map.entry("status", List.of("{\"$ne\":null}", "PENDING OR 1=1", "*", "pending;", "SHIPPED,CANCELLED",
                    "$where")),
            Map.entry("userId", NOT_A_UUID),
            Map.entry("from", NOT_AN_INSTANT),
            Map.entry("to", NOT_AN_INSTANT),
            Map.entry("minPrice", NOT_AN_AMOUNT),
            Map.entry("maxPrice", NOT_AN_AMOUNT),
            Map.entry("currency", List.of("eur", "EURO", "{\"$gt\":\"\"}", "E\u0000R", "\u20ac", "XX")),
            Map.entry("inStock", List.of("yes", "1", "tru", "{\"$ne\":false}")),
            Map.entry("sort", List.of("price;drop", "{\"$natural\":1}", "_score", "nope", "--price", "-relevance")));
    /** Free-text parameters and their longest valid length. */
    private static final Map<String, Integer> FREE_TEXT = Map.of("q", 200, "category", 100, "prefix", 100);
    /** Percent-encodings that are none. */
    private static final List<String> UNDECODABLE = List.of("%", "%zz", "a%2", "%%41");
    /** Percent-encoded bytes that are no UTF-8; Tomcat decodes each to U+FFFD, a character to search for like any. */
    private static final List<String> NOT_UTF_8 = List.of("%ED%A0%80", "%C0%AF", "%FF", "%E2%82");

    private HostileQueryParameters() {
    }

    static Arbitrary<BadInput> of(ApiOperation operation, ValidRequests valid) {
        String path = valid.path(operation);
        List<Arbitrary<BadInput>> choices = new ArrayList<>();
        for (ApiOperation.Parameter parameter : operation.parameters("query")) {
            String name = parameter.name();
            if (FREE_TEXT.containsKey(name)) {
                int maxLength = FREE_TEXT.get(name);
                List<String> texts = new ArrayList<>(HostileStrings.QUERY_SYNTAX);
                // A lone surrogate has no UTF-8 form: percent-encoding sends '?' in its place, valid text too.
                texts.addAll(HostileStrings.EDGE_CASES.values().stream().map(edge -> "a" + edge + "b").toList());
                texts.addAll(List.of("a".repeat(maxLength), "a".repeat(maxLength + 1), "   ", "\t"));
                choices.add(Arbitraries.of(texts).map(text -> new BadInput(operation, "query-syntax",
                        name + " = " + abbreviated(text), path + "?" + name + "=" + encoded(text), List.of(), null,
                        RawHttp.Framing.CONTENT_LENGTH, isValidText(text, maxLength))));
                choices.add(Arbitraries.of(UNDECODABLE).map(raw -> BadInput.refused(operation, "unicode",
                        name + " = " + raw, path + "?" + name + "=" + raw, List.of(), null,
                        RawHttp.Framing.CONTENT_LENGTH)));
                choices.add(Arbitraries.of(NOT_UTF_8).map(raw -> new BadInput(operation, "unicode",
                        name + " = " + raw, path + "?" + name + "=" + raw, List.of(), null,
                        RawHttp.Framing.CONTENT_LENGTH, true)));
            } else if (INVALID.containsKey(name)) {
                choices.add(Arbitraries.of(INVALID.get(name)).map(value -> BadInput.refused(operation, "parameter",
                        name + " = " + abbreviated(value), path + "?" + name + "=" + encoded(value), List.of(), null,
                        RawHttp.Framing.CONTENT_LENGTH)));
                choices.add(Arbitraries.just(BadInput.refused(operation, "parameter", name + " twice",
                        path + "?" + name + "=" + encoded(INVALID.get(name).getFirst()) + "&" + name + "="
                                + encoded(INVALID.get(name).getLast()), List.of(), null, RawHttp.Framing.CONTENT_LENGTH)));
            } else {
                throw new IllegalStateException("no hostile values for parameter '" + name + "' of " + operation
                        + ": add them here");
            }
        }
        choices.add(Arbitraries.just(BadInput.refused(operation, "parameter", "a 10,000-character query string",
                path + "?x=" + "y".repeat(10_000), List.of(), null, RawHttp.Framing.CONTENT_LENGTH)));
        return Arbitraries.oneOf(choices);
    }

    /** Free text is valid unless blank or too long; Unicode edge cases and query syntax are just characters. */
    private static boolean isValidText(String text, int maxLength) {
        return !text.isBlank() && text.length() <= maxLength;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    }
}
