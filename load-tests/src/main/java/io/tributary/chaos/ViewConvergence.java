package io.tributary.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the projections to verify each view against a fresh fold of the event store ({@code POST
 * /actuator/views/<view>} {@code {"action":"verify"}}) until it is consistent, and notes when.
 */
final class ViewConvergence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChaosSystem system;
    private final ChaosHttp admin;

    ViewConvergence(ChaosSystem system, ChaosHttp admin) {
        this.system = system;
        this.admin = admin;
    }

    /** The views' names, as the projections list them. */
    List<String> views() {
        Call call = admin.get(Target.PROJECTIONS, system.url(Target.PROJECTIONS) + "/actuator/views");
        if (!call.ok()) {
            throw new IllegalStateException("the projections did not list their views: " + call.status() + " " + call.body());
        }
        List<String> names = new ArrayList<>();
        read(call).get("views").forEach(view -> names.add(view.get("name").asText()));
        return names;
    }

    /** The view's verification against the store's head, or a report of why there is none. */
    JsonNode verify(String view) {
        Call call = admin.post(Target.PROJECTIONS, system.url(Target.PROJECTIONS) + "/actuator/views/" + view,
                "{\"action\":\"verify\"}", null, true);
        if (!call.ok()) {
            return JSON.createObjectNode().put("consistent", false)
                    .put("error", call.status() + " " + call.body());
        }
        return read(call);
    }

    static boolean consistent(JsonNode verification) {
        return verification.path("consistent").asBoolean(false);
    }

    /** Each view's last verification, by name. */
    Map<String, JsonNode> verifyAll(List<String> views) {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        views.forEach(view -> results.put(view, verify(view)));
        return results;
    }

    private static JsonNode read(Call call) {
        try {
            return JSON.readTree(call.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + call.body(), e);
        }
    }
}
