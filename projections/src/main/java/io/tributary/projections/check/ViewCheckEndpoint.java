package io.tributary.projections.check;

import io.tributary.projections.view.ActiveVersions;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code POST /actuator/viewcheck}: compares the active version of every view with a fresh fold of the event store
 * and reports the differences. A POST, because it builds (and drops) scratch views.
 */
@Endpoint(id = "viewcheck")
class ViewCheckEndpoint {

    private final ViewCheck check;
    private final ActiveVersions versions;

    ViewCheckEndpoint(ViewCheck check, ActiveVersions versions) {
        this.check = check;
        this.versions = versions;
    }

    @WriteOperation
    ViewCheckReport check() {
        return check.run(versions);
    }
}
