package io.tributary.command.handling;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** What a command for an unknown aggregate id fails with; the HTTP edge answers it with a 404. */
public final class UnknownAggregate {

    private UnknownAggregate() {
    }

    /** The failure an unknown id gets, which is also what a caller who may not see the aggregate gets. */
    public static Matcher<Object> notFound(String id) {
        return new CustomTypeSafeMatcher<>("not found: " + id) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof AggregateNotFoundException notFound
                        && notFound.getAggregateIdentifier().equals(id);
            }
        };
    }
}
