package io.tributary.projections.redrive;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import java.util.Map;

/**
 * {@code GET /actuator/deadletters}: what waits in each dead-letter topic.
 * {@code POST /actuator/deadletters/<topic>.dlt}: publish its records again to the topic they came from, once the
 * cause (a bug, a missing earlier event) is fixed.
 */
@Endpoint(id = "deadletters")
class DeadLettersEndpoint {

    private final DeadLetterRedrive redrive;

    DeadLettersEndpoint(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @ReadOperation
    Map<String, DeadLetterRedrive.Backlog> backlog() {
        return redrive.backlog();
    }

    @WriteOperation
    WebEndpointResponse<Map<String, Object>> redrive(@Selector String topic) {
        try {
            return new WebEndpointResponse<>(Map.of("topic", topic, "redriven", redrive.redrive(topic)));
        } catch (DeadLetterRedrive.UnknownDeadLetterTopicException e) {
            return new WebEndpointResponse<>(Map.of("topic", topic, "error", e.getMessage()),
                    WebEndpointResponse.STATUS_NOT_FOUND);
        }
    }
}
