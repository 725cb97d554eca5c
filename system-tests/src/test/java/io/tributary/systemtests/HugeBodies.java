package io.tributary.systemtests;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Bodies past the 1 MiB limit, sent with their Content-Length and chunked (where only reading finds the size),
 * and bodies whose framing lies: a Content-Length that is no number, negative, or beyond any size; two lengths
 * that disagree. All must be refused. A transfer coding the server does not implement is left out: HTTP/1.1
 * (RFC 9112) asks for 501 there. So is a Content-Length beside chunked framing, whose refusal still reaches Spring
 * Boot's error path and gets its error JSON rather than a problem (a known gap).
 */
final class HugeBodies {

    private static final int MIB = 1024 * 1024;

    private HugeBodies() {
    }

    static Arbitrary<BadInput> of(ApiOperation operation, ValidRequests valid, String target) {
        Arbitrary<BadInput> huge = Arbitraries.of(RawHttp.Framing.CONTENT_LENGTH, RawHttp.Framing.CHUNKED)
                .flatMap(framing -> Arbitraries.of(MIB + 1, MIB + 64 * 1024, 3 * MIB).map(size ->
                        BadInput.refused(operation, "huge-body", size + " bytes " + framing, target,
                                BadInput.JSON_CONTENT, padded(valid.body(operation).toString(), size), framing)));
        Arbitrary<BadInput> lying = Arbitraries.of(
                        List.of("Content-Length: abc"), List.of("Content-Length: -1"),
                        List.of("Content-Length: 99999999999999999999"),
                        List.of("Content-Length: 10", "Content-Length: 11"))
                .map(framing -> {
                    byte[] body = valid.body(operation).toString().getBytes(StandardCharsets.UTF_8);
                    return BadInput.refused(operation, "huge-body", String.join(" + ", framing), target,
                            concat(BadInput.JSON_CONTENT, framing), body, RawHttp.Framing.AS_GIVEN);
                });
        return Arbitraries.oneOf(huge, lying);
    }

    /** Valid JSON of {@code size} bytes: the valid body with a long text in its first string field. */
    private static byte[] padded(String valid, int size) {
        int at = valid.indexOf("\":\"") + 3;
        String padding = "a".repeat(Math.max(0, size - valid.length()));
        return (valid.substring(0, at) + padding + valid.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static List<RawHttp.Header> concat(List<RawHttp.Header> headers, List<String> lines) {
        List<RawHttp.Header> all = new java.util.ArrayList<>(headers);
        for (String line : lines) {
            int colon = line.indexOf(':');
            all.add(new RawHttp.Header(line.substring(0, colon), line.substring(colon + 2)));
        }
        return List.copyOf(all);
    }
}
