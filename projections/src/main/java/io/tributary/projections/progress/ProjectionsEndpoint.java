package io.tributary.projections.progress;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.Map;

/** {@code GET /actuator/projections}: position and lag of every projection, for operators and scripts. */
@Endpoint(id = "projections")
class ProjectionsEndpoint {

    private final ProjectionProgress progress;

    ProjectionsEndpoint(ProjectionProgress progress) {
        this.progress = progress;
    }

    @ReadOperation
    Map<String, ProjectionProgress.Snapshot> projections() {
        return progress.snapshot();
    }
}
