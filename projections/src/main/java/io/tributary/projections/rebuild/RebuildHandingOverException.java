package io.tributary.projections.rebuild;

import io.tributary.projections.view.ViewStoreUnavailableException;

/**
 * A rebuild is adding the last events to its new version; the live projection holds its batch until that is done
 * (a second or so) and then writes it to the new version too. Waited out like an outage, never dead-lettered.
 */
class RebuildHandingOverException extends ViewStoreUnavailableException {

    RebuildHandingOverException(String view, int version) {
        super("a rebuild of " + view + " is handing over to version " + version + "; the batch waits for it", null);
    }
}
