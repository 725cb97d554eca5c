package io.tributary.command.http;

import java.net.URI;

/** Stable RFC 9457 problem type identifiers of the command API; clients may switch on them. */
public final class ProblemTypes {

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_BODY = of("malformed-body");
    public static final URI INVALID_HEADER = of("invalid-header");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI UNKNOWN_REFERENCE = of("unknown-reference");
    public static final URI STALE_VERSION = of("stale-version");
    public static final URI CONCURRENT_MODIFICATION = of("concurrent-modification");
    public static final URI BODY_TOO_LARGE = of("body-too-large");
    public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");
    public static final URI STORE_UNAVAILABLE = of("store-unavailable");
    public static final URI INTERNAL = of("internal");

    private ProblemTypes() {
    }

    /** Business rule violations carry their own code, e.g. {@code duplicate-email}. */
    public static URI businessRule(String code) {
        return of(code);
    }

    /** Framework-raised errors (405, 406, 415, ...) get a type derived from their status. */
    public static URI forStatus(int status) {
        return of("http-" + status);
    }

    private static URI of(String slug) {
        return URI.create("urn:tributary:problem:" + slug);
    }
}
