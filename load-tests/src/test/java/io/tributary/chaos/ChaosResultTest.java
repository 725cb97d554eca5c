package io.tributary.chaos;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosResultTest {

    private static final List<Fault> EVERY_TARGET_KILLED = ChaosPlan.quick().faults().stream()
            .map(target -> new Fault(target, 1_000, 2_000, null)).toList();

    @Test
    void resendsWithTheSameMessageIdPassWithinTheBoundOfTheKilledProjectionsAndBroker() {
        assertThat(result(EVERY_TARGET_KILLED, 4, 4).failures()).isEmpty();
        assertThat(result(EVERY_TARGET_KILLED, 5, 5).failures())
                .containsExactly("5 e-mails were sent again with the same Message-ID, more than the 4 the killed"
                        + " projections and broker may cost");
    }

    @Test
    void aSecondMailWithAMessageIdOfItsOwnFails() {
        assertThat(result(EVERY_TARGET_KILLED, 2, 1).failures())
                .containsExactly("1 e-mails were sent twice, with a Message-ID of their own");
    }

    @Test
    void withoutAnInterruptedInstanceNoResendIsAllowed() {
        List<Fault> queryApiOnly = List.of(new Fault(Target.QUERY_API, 1_000, 2_000, null),
                new Fault(Target.PROJECTIONS, -1, -1, "not killed"));

        assertThat(result(queryApiOnly, 1, 1).failures()).hasSize(1);
    }

    private static ChaosResult result(List<Fault> faults, long sentTwice, long sameMessageId) {
        return new ChaosResult(ChaosPlan.quick(), Instant.now(), Duration.ofMinutes(1), List.of(), List.of(), faults,
                new EventStoreAudit.Result(10, 0, 0, List.of()),
                new StockAudit.Result(1, 1, 0, 0, 0, 0, Map.of(), List.of()),
                new MailAudit.Result(10, 10, sentTwice, sameMessageId, 0, List.of()),
                Map.of(), List.of(), Map.of());
    }
}
