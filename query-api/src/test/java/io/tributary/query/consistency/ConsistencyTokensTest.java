package io.tributary.query.consistency;

import io.tributary.events.AggregateType;
import io.tributary.events.ConsistencyToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyTokensTest {

    private static final String ADA = "3f0c2a7e-0000-4000-8000-000000000001";
    private static final String BOB = "3f0c2a7e-0000-4000-8000-000000000002";

    private final ConsistencyTokens tokens = ConsistencyTokens.parse(List.of(
            "user:" + ADA + ":2, user:" + BOB + ":1", "user:" + ADA + ":5", "order:" + ADA + ":9"));

    @Test
    void theNewestTokenOfAnAggregateIsTheOneToWaitFor() {
        assertThat(tokens.newestFor(AggregateType.USER, ADA)).contains(new ConsistencyToken(AggregateType.USER, ADA, 5));
        assertThat(tokens.newestFor(AggregateType.USER, ADA.toUpperCase())).as("ids compare case-blind").isPresent();
        assertThat(tokens.versionOf(AggregateType.USER, ADA)).isEqualTo(5);
        assertThat(tokens.newestFor(AggregateType.PRODUCT, ADA)).isEmpty();
        assertThat(tokens.versionOf(AggregateType.PRODUCT, ADA)).isZero();
    }

    @Test
    void exceptLeavesOutTheTokensOfOneAggregateOnly() {
        ConsistencyTokens others = tokens.except(AggregateType.USER, ADA);

        assertThat(others.tokens()).containsExactly(new ConsistencyToken(AggregateType.USER, BOB, 1),
                new ConsistencyToken(AggregateType.ORDER, ADA, 9));
    }
}
