package io.tributary.devstack;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.function.Predicate;

/**
 * The value a MongoDB filter requires a field to equal, at the filter's top level or as a clause of a top-level
 * {@code $and} (the Java driver sends {@code Filters.and} as {@code $and}): what lets the local server find the
 * documents a filter can match through an index instead of reading them all.
 */
final class RequiredEquality {

    private static final String AND = "$and";

    private RequiredEquality() {
    }

    /** The first value of {@code field} in the filter that {@code accepted} takes as an equality, or null. */
    static Object of(Document query, String field, Predicate<Object> accepted) {
        if (accepted.test(query.get(field))) {
            return query.get(field);
        }
        if (query.get(AND) instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document && accepted.test(document.get(field))) {
                    return document.get(field);
                }
            }
        }
        return null;
    }

    static boolean isAnd(Document query) {
        return query.containsKey(AND);
    }
}
