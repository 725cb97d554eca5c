package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strict validation of one Kubernetes object against the Kubernetes API schema, through the models of the official
 * Kubernetes Java client, which are generated from that schema (client-java-api 27, Kubernetes 1.35). The models'
 * own check refuses a field the schema does not define, a missing required field, and a value of the wrong shape
 * (an object where a string belongs); reading the object into the typed model refuses a number or quantity that
 * does not parse; and the object read back must equal the input leaf by leaf, which refuses what the reader would
 * silently coerce (the string "yes" for a boolean, "3" for an integer). Kinds outside {@link #MODELS} are refused:
 * a manifest may only use what is validated.
 */
final class KubernetesSchema {

    static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Namespace", V1Namespace.class,
            "v1/Secret", V1Secret.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class);

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private static final Gson GSON = new JSON().getGson();

    private KubernetesSchema() {
    }

    /** What is wrong with the object, empty when it is valid. */
    static List<String> violations(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            return List.of(type + ": no schema for this apiVersion and kind");
        }
        JsonElement input;
        try {
            input = JsonParser.parseString(JSON_MAPPER.writeValueAsString(object));
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, input);
        } catch (InvocationTargetException invalid) {
            return List.of(type + ": " + firstLine(invalid.getCause()));
        } catch (ReflectiveOperationException | java.io.IOException unexpected) {
            throw new IllegalStateException(unexpected);
        }
        JsonElement readBack;
        try {
            readBack = GSON.toJsonTree(GSON.fromJson(input, model));
        } catch (RuntimeException invalid) {
            return List.of(type + ": a value does not read as its type: " + firstLine(invalid));
        }
        List<String> violations = new ArrayList<>();
        compareLeaves(type, "", input, readBack, violations);
        return violations;
    }

    private static void compareLeaves(String type, String path, JsonElement input, JsonElement readBack,
                                      List<String> violations) {
        if (input.isJsonObject()) {
            JsonObject readBackObject = readBack != null && readBack.isJsonObject() ? readBack.getAsJsonObject() : null;
            for (var field : input.getAsJsonObject().entrySet()) {
                compareLeaves(type, path + "/" + field.getKey(), field.getValue(),
                        readBackObject == null ? null : readBackObject.get(field.getKey()), violations);
            }
        } else if (input.isJsonArray()) {
            var inputArray = input.getAsJsonArray();
            var readBackArray = readBack != null && readBack.isJsonArray() ? readBack.getAsJsonArray() : null;
            for (int i = 0; i < inputArray.size(); i++) {
                compareLeaves(type, path + "/" + i, inputArray.get(i),
                        readBackArray == null || i >= readBackArray.size() ? null : readBackArray.get(i), violations);
            }
        } else if (input.isJsonPrimitive() && !sameValue(input.getAsJsonPrimitive(), readBack)) {
            violations.add(type + ": " + path + " has the wrong type or value: " + input + " is read as " + readBack);
        }
    }

    private static boolean sameValue(JsonPrimitive input, JsonElement readBack) {
        if (readBack == null || !readBack.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive value = readBack.getAsJsonPrimitive();
        if (input.isNumber() != value.isNumber() || input.isBoolean() != value.isBoolean()
                || input.isString() != value.isString()) {
            return false;
        }
        if (input.equals(value)) {
            return true;
        }
        // A quantity may come back in another notation of the same amount ("0.5" as "500m").
        try {
            return input.isString()
                    && new Quantity(input.getAsString()).getNumber().compareTo(
                    new Quantity(value.getAsString()).getNumber()) == 0;
        } catch (RuntimeException notAQuantity) {
            return false;
        }
    }

    private static String firstLine(Throwable problem) {
        String message = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
