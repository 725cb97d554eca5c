package io.tributary.command.http;

/** A request header the API reads has an unusable value (HTTP 400). */
public class MalformedHeaderException extends RuntimeException {

    private final String header;

    public MalformedHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
