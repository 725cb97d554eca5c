package io.tributary.command.idempotency;

import io.tributary.http.security.Caller;

/**
 * An {@code Idempotency-Key} in its caller's own namespace: two callers who happen to send the same key never share
 * an answer, and one cannot read another's by sending theirs.
 *
 * @param subject the caller's token subject; empty for a request without a token
 * @param key     the header's value
 */
record IdempotencyKey(String subject, String key) {

    static IdempotencyKey of(Caller caller, String key) {
        return new IdempotencyKey(caller.anonymous() ? "" : caller.subject(), key);
    }
}
