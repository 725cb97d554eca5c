package io.tributary.systemtests;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Bodies that are no JSON of the expected shape: broken syntax, a value of another shape than the object the
 * operation takes, nesting thousands of levels deep (at the root and inside a field), and bytes that are no UTF-8
 * (overlong encodings, stray continuation bytes, raw control characters inside a string). All must be refused.
 */
final class MalformedJsonBodies {

    private record Malformation(String description, Function<String, byte[]> apply) {
    }

    private static final List<Malformation> MALFORMATIONS = List.of(
            text("empty body", valid -> ""),
            text("only whitespace", valid -> " \r\n\t "),
            text("truncated", valid -> valid.substring(0, valid.length() / 2)),
            text("missing closing brace", valid -> valid.substring(0, valid.length() - 1)),
            text("trailing garbage", valid -> valid + "}}]]garbage"),
            text("two documents", valid -> valid + valid),
            text("single quotes", valid -> valid.replace('"', '\'')),
            text("unquoted keys", valid -> valid.replaceAll("\"([A-Za-z]+)\":", "$1:")),
            text("comment", valid -> "/* hostile */" + valid),
            text("trailing comma", valid -> valid.substring(0, valid.length() - 1) + ",}"),
            // Each change below applies to any body with a field, so that no "malformed" body is left valid: a body
            // without a string value (a restock's {"quantity":5}) has no '":"' to change.
            text("NaN literal", valid -> valid.replaceFirst("\":", "\":NaN,\"x\":")),
            text("null", valid -> "null"),
            text("array instead of object", valid -> "[" + valid + "]"),
            text("bare string", valid -> "\"" + valid.replace("\"", "\\\"") + "\""),
            text("bare number", valid -> "12345678901234567890"),
            text("unterminated string", valid -> "{\"name\":\"abc"),
            text("invalid escape", valid -> valid.replaceFirst("\"", "\"\\\\x41\\\\u12")),
            text("nested 5,000 arrays", valid -> "[".repeat(5_000) + "]".repeat(5_000)),
            text("nested 100,000 arrays, unclosed", valid -> "[".repeat(100_000)),
            text("nested 5,000 objects", valid -> "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)),
            text("nested 5,000 arrays inside a field", valid -> valid.replaceFirst("\":(\"[^\"]*\"|[^,}\\]]*)",
                    "\":" + "[".repeat(5_000) + "]".repeat(5_000))),
            bytes("overlong UTF-8 '/' (C0 AF) in a string", valid -> withBytesInFirstString(valid, 0xC0, 0xAF)),
            bytes("overlong UTF-8 NUL (C0 80) in a string", valid -> withBytesInFirstString(valid, 0xC0, 0x80)),
            bytes("UTF-8 surrogate (ED A0 80) in a string", valid -> withBytesInFirstString(valid, 0xED, 0xA0, 0x80)),
            bytes("stray continuation byte in a string", valid -> withBytesInFirstString(valid, 0x80)),
            bytes("invalid byte FF in a string", valid -> withBytesInFirstString(valid, 0xFF)),
            bytes("raw NUL in a string", valid -> withBytesInFirstString(valid, 0x00)),
            bytes("raw escape character in a string", valid -> withBytesInFirstString(valid, 0x1B)),
            bytes("raw NUL before the body", valid -> concat(new byte[]{0}, valid.getBytes(StandardCharsets.UTF_8))));

    private MalformedJsonBodies() {
    }

    static Arbitrary<BadInput> of(ApiOperation operation, ValidRequests valid, String target) {
        return Arbitraries.of(MALFORMATIONS).map(malformation -> BadInput.refused(operation, "malformed-json",
                malformation.description(), target, BadInput.JSON_CONTENT,
                malformation.apply().apply(valid.body(operation).toString()), RawHttp.Framing.CONTENT_LENGTH));
    }

    private static Malformation text(String description, Function<String, String> change) {
        return new Malformation(description, valid -> change.apply(valid).getBytes(StandardCharsets.UTF_8));
    }

    private static Malformation bytes(String description, Function<String, byte[]> change) {
        return new Malformation(description, change);
    }

    /** The valid body with raw bytes right after the opening quote of its first string value. */
    private static byte[] withBytesInFirstString(String valid, int... raw) {
        int at = valid.indexOf("\":\"") + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(valid.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(valid.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
