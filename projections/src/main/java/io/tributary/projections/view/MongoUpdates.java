package io.tributary.projections.view;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The update operators the Mongo projections use, {@code $set} and {@code $push} of top-level fields, applied to a
 * document in memory the way MongoDB applies them, so that a batch can fold updates before one write.
 */
final class MongoUpdates {

    private MongoUpdates() {
    }

    /** A new document: {@code document} with {@code update} applied; {@code document} is left alone. */
    static Document applied(Document document, Document update) {
        Document result = new Document(document);
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            Document fields = (Document) operator.getValue();
            switch (operator.getKey()) {
                case "$set" -> fields.forEach((field, value) -> result.put(topLevel(field), value));
                case "$push" -> fields.forEach((field, value) -> {
                    List<Object> values = new ArrayList<>(result.getList(topLevel(field), Object.class, List.of()));
                    values.add(value);
                    result.put(field, values);
                });
                default -> throw new IllegalArgumentException("unsupported update operator " + operator.getKey());
            }
        }
        return result;
    }

    private static String topLevel(String field) {
        if (field.indexOf('.') >= 0) {
            throw new IllegalArgumentException("only top-level fields are supported, not " + field);
        }
        return field;
    }
}
