package io.tributary.query.consistency;

/** The view did not reach the version of a presented consistency token in time (HTTP 503, retry later). */
public class ViewNotReadyException extends RuntimeException {

    public ViewNotReadyException(String message) {
        super(message);
    }
}
