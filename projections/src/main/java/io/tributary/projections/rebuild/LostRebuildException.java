package io.tributary.projections.rebuild;

/** Another instance took the rebuild over (its lease had run out) or an operator ended it: this one stops. */
class LostRebuildException extends RuntimeException {

    LostRebuildException(String message) {
        super(message);
    }
}
