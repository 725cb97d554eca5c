package io.tributary.query.http;

/** A view store (MongoDB or Elasticsearch) cannot answer now (HTTP 503). */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String store, Throwable cause) {
        super(store + " is unavailable", cause);
    }
}
