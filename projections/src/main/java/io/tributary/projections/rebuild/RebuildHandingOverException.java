package io.tributary.projections.rebuild;

import io.tributary.projections.WaitItOutException;

/**
 * A rebuild is adding the last events to its new version; the live projection holds its batch until that is done
 * (a second or so) and then writes it to the new version too.
 */
class RebuildHandingOverException extends WaitItOutException {

    RebuildHandingOverException(String view, int version) {
        super("a rebuild of " + view + " is handing over to version " + version + "; the batch waits for it", null);
    }

    @Override
    public String reason() {
        return "rebuild-handing-over";
    }
}
