package io.tributary.systemtests;

import java.util.List;

/**
 * One hostile request to one operation, before a caller is chosen, and whether its input is valid however odd it
 * looks (a search for {@code field:value}, a name with a right-to-left mark). Invalid input must be refused with a
 * 4xx problem; valid input gets what the caller's role allows.
 *
 * @param kind        the family of hostility, e.g. {@code malformed-json}, for the counts
 * @param description what exactly was sent, for a failure message
 * @param method      the operation's own method, or another one
 * @param target      the request target as sent: path and query, percent-encoded where meant
 * @param body        null for no body
 */
record BadInput(ApiOperation operation, String kind, String description, String method, String target,
                List<RawHttp.Header> headers, byte[] body, RawHttp.Framing framing, boolean valid) {

    static final List<RawHttp.Header> JSON_CONTENT = List.of(new RawHttp.Header("Content-Type", "application/json"));

    BadInput(ApiOperation operation, String kind, String description, String target, List<RawHttp.Header> headers,
             byte[] body, RawHttp.Framing framing, boolean valid) {
        this(operation, kind, description, operation.method(), target, headers, body, framing, valid);
    }

    static BadInput refused(ApiOperation operation, String kind, String description, String target,
                            List<RawHttp.Header> headers, byte[] body, RawHttp.Framing framing) {
        return new BadInput(operation, kind, description, operation.method(), target, headers, body, framing, false);
    }

    RawHttp.Request request(List<RawHttp.Header> callerHeaders) {
        List<RawHttp.Header> all = new java.util.ArrayList<>(headers);
        if (headers.stream().noneMatch(header -> "Authorization".equalsIgnoreCase(header.name()))) {
            all.addAll(callerHeaders);
        }
        return new RawHttp.Request(method, target, List.copyOf(all), body, framing);
    }

    @Override
    public String toString() {
        return method + " " + operation.path() + " [" + kind + "] " + description + (valid ? " (valid input)" : "");
    }
}
