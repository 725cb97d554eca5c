package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One operation of a service's OpenAPI document: its method, path template, parameters and, when it takes one, the
 * schema of its JSON body with every {@code $ref} resolved.
 *
 * @param api        which service publishes it, {@code command-api} or {@code query-api}
 * @param bodySchema null for an operation without a request body
 */
record ApiOperation(String api, String method, String path, List<Parameter> parameters, JsonNode bodySchema) {

    /** @param in {@code path}, {@code query} or {@code header} */
    record Parameter(String name, String in, boolean required) {
    }

    boolean hasBody() {
        return bodySchema != null;
    }

    List<Parameter> parameters(String in) {
        return parameters.stream().filter(parameter -> parameter.in().equals(in)).toList();
    }

    boolean takesHeader(String name) {
        return parameters("header").stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase(name));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
