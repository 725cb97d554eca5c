package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every operation a running service publishes at {@code /v3/api-docs}, read the way a client generator reads it. */
final class OpenApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private OpenApiOperations() {
    }

    static List<ApiOperation> of(String api, Http service) {
        Http.Response docs = service.get("/v3/api-docs");
        if (docs.status() != 200) {
            throw new IllegalStateException(api + " /v3/api-docs: " + docs);
        }
        try {
            return of(api, JSON.readTree(docs.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ApiOperation> of(String api, JsonNode docs) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new ApiOperation(api, method.toUpperCase(Locale.ROOT), path.getKey(),
                            parameters(operation), body(operation, docs)));
                }
            }
        }
        return List.copyOf(operations);
    }

    private static List<ApiOperation.Parameter> parameters(JsonNode operation) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            parameters.add(new ApiOperation.Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean()));
        }
        return List.copyOf(parameters);
    }

    private static JsonNode body(JsonNode operation, JsonNode docs) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode json = content.has("application/json") ? content.get("application/json")
                : content.elements().hasNext() ? content.elements().next() : null;
        return json == null ? null : resolved(json.path("schema"), docs);
    }

    /** The schema with every {@code $ref} replaced by what it names. */
    private static JsonNode resolved(JsonNode schema, JsonNode docs) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return resolved(docs.path("components").path("schemas").path(name), docs);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                copy.set(field.getKey(), resolved(field.getValue(), docs));
            }
        }
        return copy;
    }
}
