package io.tributary.query.http;

/** A view store (MongoDB or Elasticsearch) cannot answer now (HTTP 503 with Retry-After). */
public class StoreUnavailableException extends RuntimeException {

    private final long retryAfterSeconds;

    public StoreUnavailableException(String store, long retryAfterSeconds, Throwable cause) {
        super(store + " is unavailable", cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
