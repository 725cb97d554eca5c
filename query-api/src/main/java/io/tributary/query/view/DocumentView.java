package io.tributary.query.view;

import io.tributary.events.AggregateType;
import org.bson.Document;

import java.util.function.Function;

/**
 * A MongoDB view as the query API reads it.
 *
 * @param name   the view's name in the registry ({@code orders}), not its versioned collection
 * @param type   the aggregate type whose consistency tokens this view answers
 * @param mapper turns a stored document into what clients see
 */
public record DocumentView<T extends Versioned>(String name, AggregateType type, Function<Document, T> mapper) {
}
