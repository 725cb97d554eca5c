package io.tributary.projections.envelope;

/**
 * A record that can never be applied, however often it is retried: unknown event type, missing or malformed
 * CloudEvents attributes, or a payload that does not decode. The error handler sends it straight to the
 * dead-letter topic.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
