package io.tributary.projections.view;

import io.tributary.events.user.UserEmailChanged;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceRuleTest {

    private static final ViewVersion USERS = new ViewVersion("users", 1);

    @Test
    void anEventFollowsOnlyItsPredecessor() {
        assertThat(SequenceRule.follows(version(1), 0)).isTrue();
        assertThat(SequenceRule.follows(version(4), 3)).isTrue();
        assertThat(SequenceRule.follows(version(4), 2)).isFalse();
        assertThat(SequenceRule.follows(version(4), 4)).isFalse();
    }

    @Test
    void aViewAtOrPastTheEventHasItAlready() {
        assertThat(SequenceRule.notFollowing(USERS, "u-1", version(4), 4)).isEqualTo(WriteOutcome.ALREADY_APPLIED);
        assertThat(SequenceRule.notFollowing(USERS, "u-1", version(4), 9)).isEqualTo(WriteOutcome.ALREADY_APPLIED);
    }

    @Test
    void aViewBehindThePredecessorIsAGap() {
        assertThatThrownBy(() -> SequenceRule.notFollowing(USERS, "u-1", version(4), 2))
                .isInstanceOfSatisfying(EventGapException.class, gap -> {
                    assertThat(gap.eventVersion()).isEqualTo(4);
                    assertThat(gap.viewVersion()).isEqualTo(2);
                })
                .hasMessage("users_v1 holds u-1 at version 2, so event 4 cannot follow on before event 3");
        assertThatThrownBy(() -> SequenceRule.notFollowing(USERS, "u-1", version(2), 0))
                .hasMessage("users_v1 holds u-1 at no version, so event 2 cannot follow on before event 1");
    }

    @Test
    void onlyTheFirstEventCreatesAndOnlyLaterOnesChange() {
        assertThatNoException().isThrownBy(() -> SequenceRule.requireFirst(version(1)));
        assertThatThrownBy(() -> SequenceRule.requireFirst(version(2))).isInstanceOf(UnreadableEventException.class);
        assertThatNoException().isThrownBy(() -> SequenceRule.requireFollowing(version(2)));
        assertThatThrownBy(() -> SequenceRule.requireFollowing(version(1)))
                .isInstanceOf(UnreadableEventException.class);
    }

    private static EventEnvelope version(long version) {
        return new EventEnvelope("id", "io.tributary.user.email-changed.v1", "u-1", Instant.EPOCH, version, 7, null,
                new UserEmailChanged("u-1", "a@example.com"));
    }
}
