package io.tributary.projections.view;

import io.tributary.projections.WaitItOutException;

/**
 * The view's store could not be reached or is overloaded. Unlike a failure caused by the event itself, this
 * says nothing about the event, so it is retried until the store is back instead of being dead-lettered.
 */
public class ViewStoreUnavailableException extends WaitItOutException {

    public ViewStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return "store-unavailable";
    }
}
