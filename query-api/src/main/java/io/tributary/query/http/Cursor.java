package io.tributary.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The position after the last item of a page: the sort values of that item, as an opaque base64url string.
 * It holds no server state, so any instance can continue a listing another one started. Anything that does
 * not decode to the expected shape is a 400 naming {@code cursor}.
 */
public final class Cursor {

    public static final String PARAMETER = "cursor";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode values;

    private Cursor(ArrayNode values) {
        this.values = values;
    }

    /** Strings and numbers only. */
    public static String encode(List<?> values) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cursor values must be strings and numbers", e);
        }
    }

    /** A cursor of exactly {@code size} values; {@code null} when the parameter is absent (first page). */
    public static Cursor decodeOptional(String text, int size) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8));
            if (node instanceof ArrayNode array && array.size() == size) {
                return new Cursor(array);
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // reported below
        }
        throw invalid();
    }

    public String text(int index) {
        JsonNode value = values.get(index);
        if (!value.isTextual()) {
            throw invalid();
        }
        return value.asText();
    }

    public long whole(int index) {
        JsonNode value = values.get(index);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid();
        }
        return value.asLong();
    }

    public double decimal(int index) {
        JsonNode value = values.get(index);
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw invalid();
        }
        return value.asDouble();
    }

    private static InvalidParameterException invalid() {
        return new InvalidParameterException(PARAMETER, "must be the nextCursor of a previous page");
    }
}
