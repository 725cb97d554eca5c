package io.tributary.query.consistency;

import io.tributary.events.AggregateType;
import io.tributary.events.ConsistencyToken;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes: with {@code Consistency-Token} headers from command answers, a read waits until the view
 * it reads has reached each token's version, polling with a growing pause. Requests run on virtual threads,
 * so a waiting request holds no platform thread. Tokens for aggregate types the view does not hold are
 * ignored: a users endpoint cannot wait for an order. Without tokens nothing is asked and nothing waits.
 */
@Component
public class ConsistencyWait {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);

    private final Duration maxWait;

    ConsistencyWait(ConsistencyProperties properties) {
        this.maxWait = properties.maxWait();
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
        Duration pause = FIRST_PAUSE;
        for (ConsistencyToken token : relevant) {
            while (currentVersion.applyAsLong(token.aggregateId()) < token.version()) {
                if (System.nanoTime() >= deadline) {
                    throw new ViewNotReadyException("The view has not reached version " + token.version() + " of "
                            + token.aggregateType().label() + " " + token.aggregateId() + " within " + maxWait.toMillis() + " ms.");
                }
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
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
