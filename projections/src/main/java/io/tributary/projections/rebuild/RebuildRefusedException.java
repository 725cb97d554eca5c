package io.tributary.projections.rebuild;

/** An operator's request that the view's current state does not allow (answered 409 with this message). */
public class RebuildRefusedException extends RuntimeException {

    public RebuildRefusedException(String message) {
        super(message);
    }
}
