package io.tributary.projections.view;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Tells a Mongo outage (retry until it is over) from a failure of the write itself. */
public final class MongoFailures {

    /** Label the server puts on write errors that are safe to retry (failover, shutdown in progress). */
    private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

    private MongoFailures() {
    }

    public static RuntimeException translate(MongoException failure, String action) {
        if (failure instanceof MongoSocketException
                || failure instanceof MongoTimeoutException
                || failure instanceof MongoConnectionPoolClearedException
                || failure instanceof MongoNotPrimaryException
                || failure instanceof MongoNodeIsRecoveringException
                || failure.hasErrorLabel(RETRYABLE_WRITE_ERROR)) {
            return new ViewStoreUnavailableException("MongoDB unavailable while trying to " + action, failure);
        }
        return failure;
    }
}
