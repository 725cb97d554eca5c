package io.tributary.systemtests;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Path parameters that name nothing or try to leave the path: malformed UUIDs, traversal with encoded slashes,
 * double encoding, invalid and overlong percent-encoded UTF-8, a NUL, operator objects, a path longer than any
 * request line may be; and methods no operation of the path has. All must be refused. Traversal with plain or
 * encoded dots is left out: Tomcat normalises it before routing, so it can name another, valid resource.
 */
final class HostilePaths {

    private static final List<String> IDS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g",
            UUID.randomUUID() + "0", UUID.randomUUID().toString().replace("-", ""), "..%2f..%2f..%2fetc%2fpasswd",
            "%2f", "a%5c..%5c..%5cwindows", "%252e%252e%252f", "%C0%AF", "%ED%A0%80", "%E2%80%AE" + UUID.randomUUID(),
            "%00", UUID.randomUUID() + "%00", "%", "%zz", "%7B%22%24gt%22%3A%22%22%7D", "*", "%2A", "%20",
            "x".repeat(10_000), UUID.randomUUID() + "%0d%0aSet-Cookie:%20x=1");
    /**
     * Methods none of the APIs' paths takes. Methods a server does not know are left out: HTTP (RFC 9110) asks
     * for 501 there. TRACE is left out as well: Tomcat refuses it itself, with a bare 400 and no problem body.
     */
    private static final List<String> METHODS = List.of("PUT", "DELETE", "GET", "POST", "PATCH");

    private HostilePaths() {
    }

    static Arbitrary<BadInput> of(ApiOperation operation, ValidRequests valid, String query) {
        List<Arbitrary<BadInput>> choices = new ArrayList<>();
        for (ApiOperation.Parameter parameter : operation.parameters("path")) {
            choices.add(Arbitraries.of(IDS).map(id -> request(operation, valid,
                    valid.pathWith(operation, parameter.name(), id) + query, "path",
                    parameter.name() + " = " + abbreviated(id))));
        }
        choices.add(Arbitraries.of(METHODS.stream().filter(method -> !method.equals(operation.method())).toList())
                .map(method -> new BadInput(operation, "method", method + " instead of "
                + operation.method(), method, valid.path(operation) + query, List.of(), null,
                RawHttp.Framing.CONTENT_LENGTH, false)));
        return Arbitraries.oneOf(choices);
    }

    private static BadInput request(ApiOperation operation, ValidRequests valid, String target, String kind,
                                    String description) {
        return operation.hasBody()
                ? BadInput.refused(operation, kind, description, target, BadInput.JSON_CONTENT,
                valid.body(operation).toString().getBytes(StandardCharsets.UTF_8), RawHttp.Framing.CONTENT_LENGTH)
                : BadInput.refused(operation, kind, description, target, List.of(), null, RawHttp.Framing.CONTENT_LENGTH);
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    }
}
