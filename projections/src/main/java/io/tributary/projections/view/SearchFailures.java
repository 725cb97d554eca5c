package io.tributary.projections.view;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.elasticsearch.client.ResponseException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Tells an Elasticsearch outage or overload (retry until it is over) from a failure of the request itself.
 * The client reports HTTP errors in several shapes: an {@link ElasticsearchException} for the statuses it
 * decodes, and an {@link IOException} carrying the response (e.g. for 409) for the others.
 */
final class SearchFailures {

    private static final int NO_RESPONSE = 0;
    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;

    private SearchFailures() {
    }

    static boolean isVersionConflict(Exception failure) {
        return status(failure) == CONFLICT;
    }

    static RuntimeException translate(Exception failure, String action) {
        int status = status(failure);
        if (status == NO_RESPONSE || status == TOO_MANY_REQUESTS || status >= SERVER_ERROR) {
            return new ViewStoreUnavailableException(
                    "Elasticsearch " + (status == NO_RESPONSE ? "unreachable" : "answered " + status)
                            + " while trying to " + action, failure);
        }
        return switch (failure) {
            case RuntimeException unchecked -> unchecked;
            case IOException io -> new UncheckedIOException("Elasticsearch refused to " + action, io);
            default -> new IllegalStateException("Elasticsearch refused to " + action, failure);
        };
    }

    /** The HTTP status Elasticsearch answered with, or {@link #NO_RESPONSE} when there was no answer. */
    private static int status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case ElasticsearchException e -> {
                    return e.status();
                }
                case ResponseException e -> {
                    return e.getResponse().getStatusLine().getStatusCode();
                }
                case TransportException e when e.response() != null -> {
                    return e.statusCode();
                }
                default -> {
                }
            }
        }
        return NO_RESPONSE;
    }
}
