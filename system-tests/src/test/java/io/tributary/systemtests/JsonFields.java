package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fields of a JSON body with the schema each has, and the body with one field's value replaced by raw JSON
 * text, which can hold what a tree cannot ({@code -0}, {@code 1e309}, a lone surrogate escape).
 */
final class JsonFields {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "@@hostile-value@@";

    /**
     * @param path     object keys and array indexes from the body's root
     * @param name     the field's own name (an array element takes its array's)
     * @param schema   its schema
     * @param required whether the object that holds it requires it
     */
    record Field(List<Object> path, String name, JsonNode schema, boolean required) {

        String type() {
            return schema.path("type").asText();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (Object step : path) {
                text.append(step instanceof Integer index ? "[" + index + "]" : (text.isEmpty() ? "" : ".") + step);
            }
            return text.toString();
        }
    }

    private JsonFields() {
    }

    /** Every field at any depth, containers before what they contain. */
    static List<Field> of(ObjectNode body, JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        collect(body, schema, List.of(), "", false, fields);
        return fields;
    }

    /** The body as UTF-8 with the field's value replaced by {@code rawJson}, written as it is. */
    static byte[] with(ObjectNode body, Field field, String rawJson) {
        ObjectNode copy = body.deepCopy();
        JsonNode parent = copy;
        List<Object> path = field.path();
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, JSON.getNodeFactory().textNode(MARK));
        } else {
            ((ObjectNode) parent).put((String) last, MARK);
        }
        return copy.toString().replace("\"" + MARK + "\"", rawJson).getBytes(StandardCharsets.UTF_8);
    }

    /** A string as a JSON string literal, with every char outside printable ASCII escaped as {@code \\uXXXX}. */
    static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    private static void collect(JsonNode value, JsonNode schema, List<Object> path, String name, boolean required,
                                List<Field> fields) {
        if (!path.isEmpty()) {
            fields.add(new Field(path, name, schema, required));
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                boolean requiredHere = false;
                for (JsonNode requiredName : schema.path("required")) {
                    requiredHere |= requiredName.asText().equals(entry.getKey());
                }
                collect(entry.getValue(), schema.path("properties").path(entry.getKey()), append(path, entry.getKey()),
                        entry.getKey(), requiredHere, fields);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value.get(i), schema.path("items"), append(path, i), name, true, fields);
            }
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }
}
