package io.tributary.command.handling;

/** A field that passed the syntax checks but is still invalid, e.g. an unknown currency (HTTP 400). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
