package io.tributary.command.http;

import io.tributary.command.handling.Requester;
import io.tributary.http.security.Caller;

/** The request's caller as the requester of a command: the domain knows subjects and admins, not tokens. */
public final class Requesters {

    private Requesters() {
    }

    public static Requester of(Caller caller) {
        return new Requester(caller.subject(), caller.admin());
    }
}
