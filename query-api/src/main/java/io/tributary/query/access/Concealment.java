package io.tributary.query.access;

import io.tributary.events.AggregateType;
import io.tributary.events.ConsistencyToken;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.consistency.ConsistencyWait;
import io.tributary.query.http.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a caller gets for a document they may not read: exactly what they would get if the view did not hold it,
 * so that no id can be probed. Without a {@code Consistency-Token} naming the document that is the 404 of an
 * unknown id; with one, a read of an absent document waits for it to arrive and answers 503 when it does not,
 * so this one waits just as long through the same wait and ends the same way.
 */
@Component
public class Concealment {

    private final ConsistencyWait consistency;

    Concealment(ConsistencyWait consistency) {
        this.consistency = consistency;
    }

    /** The failure to throw in place of the document's answer. */
    public RuntimeException asAbsent(AggregateType type, String id, ConsistencyTokens tokens) {
        Optional<ConsistencyToken> naming = tokens.newestFor(type, id);
        // A read that never finds the document: the wait ends in the same ViewNotReadyException as for a real absence.
        naming.ifPresent(token -> consistency.read(token, Optional::empty, Optional::isPresent));
        return NotFoundException.noSuch(type, id);
    }
}
