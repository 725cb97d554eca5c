package io.tributary.projections.check;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code POST /actuator/viewcheck}: compares every view with a fresh fold of the event store and reports the
 * differences. A POST, because it builds (and drops) scratch views.
 */
@Endpoint(id = "viewcheck")
class ViewCheckEndpoint {

    private final ViewCheck check;

    ViewCheckEndpoint(ViewCheck check) {
        this.check = check;
    }

    @WriteOperation
    ViewCheckReport check() {
        return check.run();
    }
}
