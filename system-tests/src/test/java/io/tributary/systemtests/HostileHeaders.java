package io.tributary.systemtests;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Headers that make a request invalid, on an otherwise valid request: answers the client cannot accept, bodies of
 * another media type, malformed {@code If-Match}, {@code Idempotency-Key} and {@code Consistency-Token} values where
 * the operation reads them, bearer tokens that are no token, and headers Tomcat must refuse (too large, too many,
 * control characters, no header name). Some look broken and are not, so they are not here: a folded header line
 * (HTTP/1.1 lets a server unfold it) and empty media-type parameters such as {@code application/json;;} (RFC 9110
 * allows them). Only headers the operation reads or the server must check are varied: a stray Content-Type on a
 * request without a body, for instance, changes nothing and is no refusal.
 */
final class HostileHeaders {

    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "image/png", "text/csv");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=no-such-charset",
            "application/jsonl", "application/", "json", "*/*", "application/*");
    private static final List<String> IF_MATCHES = List.of("W/\"1\"", "\"abc\"", "\"0\"", "\"-1\"",
            "\"99999999999999999999\"", "1", "\"1\", \"2\"", "\"", "\"1", "{\"$gt\":\"\"}");
    private static final List<String> IDEMPOTENCY_KEYS = List.of("k".repeat(201), "", "a b", "caf\u00e9",
            new String("caf\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), "\t");
    private static final List<String> CONSISTENCY_TOKENS = List.of("garbage",
            "user:" + UUID.randomUUID() + ":-1", "user:" + UUID.randomUUID() + ":99999999999999999999",
            "order:" + UUID.randomUUID() + ":abc", "{\"$gt\":\"\"}", "user:" + UUID.randomUUID(),
            "t".repeat(4_000), "user:" + UUID.randomUUID() + ":1:extra");
    private static final List<String> BEARERS = List.of("Bearer x", "Bearer " + "a".repeat(6_000), "Bearer a.b.c",
            "Bearer {\"$gt\":\"\"}", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "Bearer", "Bearer  ",
            "Bearer \u00e9\u00e9");
    /** Header lines Tomcat must refuse, each as it is sent. */
    private static final List<List<String>> BROKEN_LINES = List.of(
            List.of("X-Padding: " + "p".repeat(20_000)),
            List.of("Cookie: " + "c=1; ".repeat(4_000)),
            manyHeaders(),
            List.of("Bad Header: x"),
            List.of("NoColon"),
            List.of("X-Control: a\u0001b"),
            List.of("X-Nul: a\u0000b"),
            List.of("Host: evil.example"),
            List.of(": empty-name"));

    private HostileHeaders() {
    }

    static Arbitrary<BadInput> of(ApiOperation operation, ValidRequests valid, String target) {
        List<Arbitrary<BadInput>> choices = new ArrayList<>();
        choices.add(Arbitraries.of(ACCEPTS).map(accept -> input(operation, valid, target, "Accept: " + accept,
                header("Accept", accept))));
        choices.add(Arbitraries.of(BEARERS).map(bearer -> input(operation, valid, target, "Authorization: "
                + abbreviated(bearer), header("Authorization", bearer))));
        choices.add(Arbitraries.of(BROKEN_LINES).map(lines -> input(operation, valid, target,
                abbreviated(String.join(" / ", lines)), lines.stream().map(HostileHeaders::line).toList())));
        if (operation.hasBody()) {
            choices.add(Arbitraries.of(CONTENT_TYPES).map(type -> BadInput.refused(operation, "headers",
                    "Content-Type: " + type, target, type.isEmpty() ? List.of() : header("Content-Type", type),
                    valid.body(operation).toString().getBytes(StandardCharsets.UTF_8), RawHttp.Framing.CONTENT_LENGTH)));
            choices.add(Arbitraries.just(BadInput.refused(operation, "headers", "no Content-Type", target, List.of(),
                    valid.body(operation).toString().getBytes(StandardCharsets.UTF_8), RawHttp.Framing.CONTENT_LENGTH)));
        }
        if (operation.takesHeader("If-Match")) {
            choices.add(Arbitraries.of(IF_MATCHES).map(ifMatch -> input(operation, valid, target,
                    "If-Match: " + ifMatch, header("If-Match", ifMatch))));
        }
        if (operation.api().equals("command-api") && operation.method().equals("POST")) {
            choices.add(Arbitraries.of(IDEMPOTENCY_KEYS).map(key -> input(operation, valid, target,
                    "Idempotency-Key: " + abbreviated(key), header("Idempotency-Key", key))));
        }
        if (operation.api().equals("query-api")) {
            choices.add(Arbitraries.of(CONSISTENCY_TOKENS).map(token -> input(operation, valid, target,
                    "Consistency-Token: " + abbreviated(token), header("Consistency-Token", token))));
        }
        return Arbitraries.oneOf(choices);
    }

    private static BadInput input(ApiOperation operation, ValidRequests valid, String target, String description,
                                  List<RawHttp.Header> headers) {
        if (!operation.hasBody()) {
            return BadInput.refused(operation, "headers", description, target, headers, null, RawHttp.Framing.CONTENT_LENGTH);
        }
        List<RawHttp.Header> all = new ArrayList<>(BadInput.JSON_CONTENT);
        all.addAll(headers);
        return BadInput.refused(operation, "headers", description, target, List.copyOf(all),
                valid.body(operation).toString().getBytes(StandardCharsets.UTF_8), RawHttp.Framing.CONTENT_LENGTH);
    }

    private static List<RawHttp.Header> header(String name, String value) {
        return List.of(new RawHttp.Header(name, value));
    }

    /** A raw header line; one without a colon is sent as it is. */
    private static RawHttp.Header line(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? new RawHttp.Header(line, null) : new RawHttp.Header(line.substring(0, colon),
                line.substring(colon + 1).stripLeading());
    }

    private static List<String> manyHeaders() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            lines.add("X-Many-" + i + ": " + i);
        }
        return List.copyOf(lines);
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    }
}
