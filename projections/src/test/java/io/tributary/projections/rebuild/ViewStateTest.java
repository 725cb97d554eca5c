package io.tributary.projections.rebuild;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViewStateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aRebuiltVersionIsWrittenLiveOnlyOnceItIsComplete() {
        ViewState state = ViewState.initial("users-mongo-view", 1).with(1, null, List.of(1, 2),
                ViewState.Rebuild.started(2, "a", NOW, NOW));

        assertThat(state.liveVersions()).containsExactly(1);
        assertThat(state.withRebuild(state.rebuild().in(RebuildPhase.HANDING_OVER, null)).liveVersions())
                .containsExactly(1);
        assertThat(state.withRebuild(state.rebuild().in(RebuildPhase.VERIFYING, null)).liveVersions())
                .containsExactly(1, 2);
        assertThat(state.withRebuild(state.rebuild().in(RebuildPhase.FAILED, "x")).liveVersions())
                .containsExactly(1);
    }

    @Test
    void switchingMakesTheOldActiveVersionThePreviousOneAndKeepsTheFigures() {
        ViewState.Rebuild finished = ViewState.Rebuild.started(2, "a", NOW, NOW).in(RebuildPhase.VERIFYING, null)
                .at(900, 900, List.of(), 800, 800).withRate(4000).resumedBy("b", NOW);
        ViewState state = ViewState.initial("users-mongo-view", 1).with(1, null, List.of(1, 2), finished);

        ViewState switched = state.switchedTo(finished, NOW.plusSeconds(1));

        assertThat(switched.active()).isEqualTo(2);
        assertThat(switched.previous()).isEqualTo(1);
        assertThat(switched.rebuild()).isNull();
        assertThat(switched.liveVersions()).containsExactly(2, 1);
        assertThat(switched.lastRebuild()).isEqualTo(new ViewState.LastRebuild(2, 800, 4000, 1, NOW,
                NOW.plusSeconds(1)));
    }

    @Test
    void aFailedRebuildIsNotInProgressAndTheNextOneTakesANewVersion() {
        ViewState state = ViewState.initial("users-mongo-view", 1).with(1, null, List.of(1, 2),
                ViewState.Rebuild.started(2, "a", NOW, NOW).in(RebuildPhase.FAILED, "differs"));

        assertThat(state.rebuildInProgress()).isEmpty();
        assertThat(state.newestVersion()).isEqualTo(2);
    }

    @Test
    void storedAndReadBackUnchanged() {
        ViewState.Rebuild rebuild = ViewState.Rebuild.started(3, "a", NOW, NOW).at(10, 20, List.of(12L, 15L), 7, 9)
                .withRate(12.5);
        ViewState state = new ViewState("users-search-index", 4, 2, 1, List.of(1, 2, 3), rebuild,
                new ViewState.LastRebuild(2, 100, 50, 0, NOW, NOW.plusSeconds(2)));

        assertThat(ViewStates.fromDocument(ViewStates.toDocument(state))).isEqualTo(state);
    }

    @Test
    void theEtaIsWhatIsLeftAtTheCurrentRate() {
        ViewState.Rebuild rebuild = ViewState.Rebuild.started(2, "a", NOW, NOW).at(0, 0, List.of(), 2_000, 10_000)
                .withRate(1_000);

        assertThat(RebuildProgress.etaSeconds(rebuild)).isEqualTo(8);
        assertThat(RebuildProgress.etaSeconds(rebuild.withRate(0))).isZero();
    }
}
