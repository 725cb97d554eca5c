package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * What a valid request to each operation looks like, the starting point every hostile variant departs from: path
 * parameters name the suite's own user, product and order, and a body is built from the operation's schema with a
 * valid value per field, unique where the API wants unique values (e-mail addresses, SKUs).
 */
final class ValidRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The suite's own aggregates; the customer owns the user, and the order is theirs. */
    record Fixtures(String userId, String productId, String orderId) {
    }

    private final Fixtures fixtures;

    ValidRequests(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** The operation's path with every path parameter filled in. */
    String path(ApiOperation operation) {
        String path = operation.path();
        for (ApiOperation.Parameter parameter : operation.parameters("path")) {
            path = path.replace("{" + parameter.name() + "}", idFor(operation.path(), parameter.name()));
        }
        return path;
    }

    /** The path with one path parameter's value replaced by raw text (already percent-encoded where wanted). */
    String pathWith(ApiOperation operation, String parameterName, String rawValue) {
        return path(new ApiOperation(operation.api(), operation.method(),
                operation.path().replace("{" + parameterName + "}", rawValue), operation.parameters().stream()
                .filter(parameter -> !parameter.name().equals(parameterName)).toList(), operation.bodySchema()));
    }

    /** A fresh valid body for the operation. */
    ObjectNode body(ApiOperation operation) {
        JsonNode value = valueOf("", operation.bodySchema());
        if (!(value instanceof ObjectNode body)) {
            throw new IllegalStateException(operation + " takes no JSON object: " + operation.bodySchema());
        }
        return body;
    }

    private String idFor(String path, String parameter) {
        if (parameter.equals("userId") || path.startsWith("/api/v1/users/{id}")) {
            return fixtures.userId();
        }
        if (path.startsWith("/api/v1/products/{id}")) {
            return fixtures.productId();
        }
        if (path.startsWith("/api/v1/orders/{id}")) {
            return fixtures.orderId();
        }
        throw new IllegalStateException("no valid value for path parameter " + parameter + " of " + path);
    }

    private JsonNode valueOf(String field, JsonNode schema) {
        String type = schema.path("type").asText();
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (!property.getValue().path("readOnly").asBoolean()) {
                        object.set(property.getKey(), valueOf(property.getKey(), property.getValue()));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                array.add(valueOf(field, schema.path("items")));
                yield array;
            }
            default -> seed(field);
        };
    }

    /** A valid value of each field the APIs take, by name. */
    private JsonNode seed(String field) {
        String unique = UUID.randomUUID().toString();
        return switch (field) {
            case "name" -> JSON.getNodeFactory().textNode("Ada Lovelace");
            case "email" -> JSON.getNodeFactory().textNode("bad-input-" + unique + "@example.com");
            case "age" -> JSON.getNodeFactory().numberNode(36);
            case "bio" -> JSON.getNodeFactory().textNode("Analyst of engines");
            case "sku" -> JSON.getNodeFactory().textNode("BAD-INPUT-" + unique);
            case "description" -> JSON.getNodeFactory().textNode("A hand loom");
            case "category" -> JSON.getNodeFactory().textNode("tools");
            case "amount" -> JSON.getNodeFactory().textNode("12.50");
            case "currency" -> JSON.getNodeFactory().textNode("EUR");
            case "initialStock" -> JSON.getNodeFactory().numberNode(10);
            case "quantity" -> JSON.getNodeFactory().numberNode(1);
            case "userId" -> JSON.getNodeFactory().textNode(fixtures.userId());
            case "productId" -> JSON.getNodeFactory().textNode(fixtures.productId());
            default -> throw new IllegalStateException("no valid value for field '" + field + "': add one here");
        };
    }
}
