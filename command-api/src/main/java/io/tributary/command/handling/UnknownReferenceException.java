package io.tributary.command.handling;

/** The request body names an aggregate that does not exist (HTTP 422, with the offending field). */
public class UnknownReferenceException extends RuntimeException {

    private final String field;

    public UnknownReferenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
