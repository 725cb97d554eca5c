package io.tributary.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handed out with every command answer and presented back to the query API to read one's own write:
 * "the view of this aggregate must have reached at least this version". Clients treat it as opaque.
 */
public record ConsistencyToken(AggregateType aggregateType, String aggregateId, long version) {

    public static final String HEADER = "Consistency-Token";

    private static final Pattern FORMAT = Pattern.compile("([a-z]+):([A-Za-z0-9-]{1,64}):([0-9]{1,18})");

    public ConsistencyToken {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    public static ConsistencyToken parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("malformed consistency token");
        }
        return new ConsistencyToken(AggregateType.fromLabel(matcher.group(1)), matcher.group(2),
                Long.parseLong(matcher.group(3)));
    }

    public String format() {
        return aggregateType.label() + ":" + aggregateId + ":" + version;
    }

    @Override
    public String toString() {
        return format();
    }
}
