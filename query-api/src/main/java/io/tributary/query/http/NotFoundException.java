package io.tributary.query.http;

import io.tributary.events.AggregateType;

public class NotFoundException extends RuntimeException {

    private NotFoundException(String message) {
        super(message);
    }

    /**
     * What a read of a document the view does not hold answers. A document the caller may not see answers the
     * same, word for word, so that its id cannot be told from an unknown one.
     */
    public static NotFoundException noSuch(AggregateType type, String id) {
        return new NotFoundException("No " + type.label() + " " + id);
    }
}
