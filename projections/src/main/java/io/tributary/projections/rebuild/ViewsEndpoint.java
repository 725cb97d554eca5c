package io.tributary.projections.rebuild;

import io.tributary.projections.check.EventStoreReader;
import io.tributary.projections.view.ViewStoreUnavailableException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * {@code /actuator/views}, which {@code ./tributary views} talks to: {@code GET} every view's versions and rebuild,
 * {@code GET /{name}} one view's, {@code POST /{name}} with {@code {"action": "rebuild" | "rollback" | "prune" |
 * "verify"}} or {@code {"action": "repair", "id": "<aggregate id>"}}. Refusals are problem documents: 404 unknown view, 409 not now (a rebuild runs, nothing to roll back
 * to), 400 unknown action, 503 a store is unavailable.
 */
@Endpoint(id = "views")
class ViewsEndpoint {

    private final ViewRebuilds rebuilds;

    ViewsEndpoint(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @ReadOperation
    WebEndpointResponse<Object> views() {
        return answer(() -> Map.of("views", rebuilds.status()));
    }

    @ReadOperation
    WebEndpointResponse<Object> view(@Selector String name) {
        return answer(() -> rebuilds.status(name));
    }

    @WriteOperation
    WebEndpointResponse<Object> act(@Selector String name, String action, @Nullable String id) {
        return answer(() -> switch (action) {
            case "rebuild" -> rebuilds.rebuild(name);
            case "rollback" -> rebuilds.rollback(name);
            case "prune" -> Map.of("view", name, "dropped", rebuilds.prune(name));
            case "verify" -> rebuilds.verify(name);
            case "repair" -> rebuilds.repair(name, id);
            default -> throw new IllegalArgumentException("unknown action " + action
                    + "; one of rebuild, rollback, prune, verify, repair");
        });
    }

    private static WebEndpointResponse<Object> answer(Supplier<Object> operation) {
        try {
            return new WebEndpointResponse<>(operation.get(), 200);
        } catch (NoSuchElementException e) {
            return problem(404, "unknown-view", "No such view", e.getMessage());
        } catch (RebuildRefusedException e) {
            return problem(409, "view-versions-conflict", "Not possible now", e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(400, "bad-request", "Bad request", e.getMessage());
        } catch (ViewStoreUnavailableException | EventStoreReader.EventStoreUnavailableException e) {
            return problem(503, "store-unavailable", "A store is unavailable", e.getMessage());
        }
    }

    private static WebEndpointResponse<Object> problem(int status, String type, String title, @Nullable String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:tributary:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return new WebEndpointResponse<>(problem, status);
    }
}
