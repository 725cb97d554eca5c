package io.tributary.query.consistency;

import io.tributary.events.AggregateType;
import io.tributary.events.ConsistencyToken;
import io.tributary.query.http.InvalidParameterException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Consistency-Token} headers of a request (each may list several tokens, comma-separated). Any
 * handler may take this as a parameter; a malformed token is a 400 naming the header.
 */
public record ConsistencyTokens(List<ConsistencyToken> tokens) {

    public static final ConsistencyTokens NONE = new ConsistencyTokens(List.of());

    public static ConsistencyTokens parse(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return NONE;
        }
        List<ConsistencyToken> tokens = new ArrayList<>();
        for (String value : headerValues) {
            for (String part : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                try {
                    tokens.add(ConsistencyToken.parse(part));
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException(ConsistencyToken.HEADER,
                            "must be a token from a command answer, such as user:<id>:<version>");
                }
            }
        }
        return new ConsistencyTokens(List.copyOf(tokens));
    }

    /** The tokens a view of this aggregate type answers; the others do not concern it. */
    public List<ConsistencyToken> of(AggregateType type) {
        return tokens.stream().filter(token -> token.aggregateType() == type).toList();
    }

    /** The highest version demanded for one aggregate; 0 when no token names it. */
    public long versionOf(AggregateType type, String id) {
        return newestFor(type, id).map(ConsistencyToken::version).orElse(0L);
    }

    /** The token demanding the highest version of one aggregate, if any names it. */
    public Optional<ConsistencyToken> newestFor(AggregateType type, String id) {
        return of(type).stream()
                .filter(token -> token.aggregateId().equalsIgnoreCase(id))
                .max(Comparator.comparingLong(ConsistencyToken::version));
    }

    /** These tokens but those naming one aggregate. */
    public ConsistencyTokens except(AggregateType type, String id) {
        return new ConsistencyTokens(tokens.stream()
                .filter(token -> token.aggregateType() != type || !token.aggregateId().equalsIgnoreCase(id))
                .toList());
    }
}
