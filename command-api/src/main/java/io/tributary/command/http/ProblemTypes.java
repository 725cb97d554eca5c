package io.tributary.command.http;

import java.net.URI;

/** Stable RFC 9457 problem type identifiers of the command API; clients may switch on them. */
public final class ProblemTypes {

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_BODY = of("malformed-body");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI INTERNAL = of("internal");

    private ProblemTypes() {
    }

    /** Framework-raised errors (405, 406, 415, ...) get a type derived from their status. */
    public static URI forStatus(int status) {
        return of("http-" + status);
    }

    private static URI of(String slug) {
        return URI.create("urn:tributary:problem:" + slug);
    }
}
