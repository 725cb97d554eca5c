package io.tributary.query.consistency;

import io.tributary.events.AggregateType;
import io.tributary.events.ConsistencyToken;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes: with {@code Consistency-Token} headers from command answers, a read waits until the view
 * it reads has reached each token's version. It asks the view again after a pause that starts at
 * {@code first-pause} and doubles up to {@code longest-pause}: a view that is a few milliseconds behind (the
 * usual case) is seen within milliseconds, one that is far behind is asked a few dozen times a second at most.
 * Requests run on virtual threads, so a waiting request holds no platform thread. Tokens for aggregate types
 * the view does not hold are ignored: a users endpoint cannot wait for an order. Without tokens nothing is
 * asked and nothing waits.
 */
@Component
public class ConsistencyWait {

    private final Duration maxWait;
    private final Duration firstPause;
    private final Duration longestPause;

    ConsistencyWait(ConsistencyProperties properties) {
        this.maxWait = properties.maxWait();
        this.firstPause = properties.firstPause();
        this.longestPause = properties.longestPause();
    }

    /**
     * @param viewType       the aggregate type the view holds
     * @param currentVersion the version the view has now for an aggregate id (0 when absent)
     */
    public void await(ConsistencyTokens tokens, AggregateType viewType, ToLongFunction<String> currentVersion) {
        List<ConsistencyToken> relevant = tokens.of(viewType);
        if (relevant.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (ConsistencyToken token : relevant) {
            until(() -> currentVersion.applyAsLong(token.aggregateId()), version -> version >= token.version(),
                    deadline, token);
        }
    }

    /**
     * Reads until what it answers has reached the token's version, and returns that answer: when the read is the
     * answer itself (a document by id), waiting costs no extra round trip.
     */
    public <T> T read(ConsistencyToken token, Supplier<T> read, Predicate<T> reached) {
        return until(read, reached, System.nanoTime() + maxWait.toNanos(), token);
    }

    private <T> T until(Supplier<T> read, Predicate<T> reached, long deadline, ConsistencyToken token) {
        Duration pause = firstPause;
        while (true) {
            T answer = read.get();
            if (reached.test(answer)) {
                return answer;
            }
            if (System.nanoTime() >= deadline) {
                throw new ViewNotReadyException("The view has not reached version " + token.version() + " of "
                        + token.aggregateType().label() + " " + token.aggregateId() + " within " + maxWait.toMillis() + " ms.");
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewNotReadyException("interrupted while waiting for the view");
        }
    }
}
