package io.tributary.projections.rebuild;

import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.WaitItOutException;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.user.UsersMongoProjection;
import io.tributary.projections.view.BatchResult;
import io.tributary.projections.view.MongoVersionedView;
import io.tributary.projections.view.MongoViewDefinition;
import io.tributary.projections.view.ViewRegistry;
import io.tributary.projections.view.ViewVersion;
import io.tributary.projections.view.WriteOutcome;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live projection writes the versions its view's state names, on the real MongoDB: the active and previous ones
 * always, a rebuilt one only once it is complete, and nothing while a rebuild hands over. The state is changed only
 * from the revision it was read at.
 */
class LiveProjectionIT extends ProjectionsIntegrationTest {

    @Autowired
    ViewRegistry registry;
    @Autowired
    ViewStates states;

    private final String viewName = "live_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private MongoVersionedView view;
    private LiveProjection live;

    @BeforeEach
    void view() {
        view = new MongoVersionedView(new MongoViewDefinition(new ViewVersion(viewName, 1), List.of(),
                UsersMongoProjection::new), mongo, registry);
        live = new LiveProjection(view, states) {
            @Override
            public String name() {
                return viewName;
            }
        };
        states.initializeIfAbsent(viewName, 1);
    }

    @Test
    void writesTheActiveAndPreviousVersionsButNotAVersionStillFilling() {
        ViewState state = states.get(viewName).orElseThrow();
        ViewState withRebuild = states.replace(state, state.with(1, null, List.of(1, 2),
                ViewState.Rebuild.started(2, "elsewhere", Instant.now().plusSeconds(60), Instant.now()))).orElseThrow();

        String id = UUID.randomUUID().toString();
        BatchResult result = live.applyAll(List.of(registered(id)));

        assertThat(result.failure()).isNull();
        assertThat(result.outcomes()).containsExactly(WriteOutcome.APPLIED);
        assertThat(stored(1, id)).isNotNull();
        assertThat(stored(2, id)).as("a filling version gets its events from the event store").isNull();

        states.replace(withRebuild, withRebuild.withRebuild(withRebuild.rebuild().in(RebuildPhase.VERIFYING, null)))
                .orElseThrow();
        live.applyAll(List.of(profileChanged(id, 2)));
        assertThat(stored(1, id).getLong("version")).isEqualTo(2);
        assertThat(stored(2, id)).as("the verifying version gets live events, here after a gap: not applied").isNull();
    }

    @Test
    void holdsItsBatchWhileARebuildHandsOver() {
        ViewState state = states.get(viewName).orElseThrow();
        states.replace(state, state.with(1, null, List.of(1, 2), ViewState.Rebuild.started(2, "elsewhere",
                Instant.now().plusSeconds(60), Instant.now()).in(RebuildPhase.HANDING_OVER, null))).orElseThrow();

        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> live.applyAll(List.of(registered(id))))
                .isInstanceOfSatisfying(WaitItOutException.class,
                        waiting -> assertThat(waiting.reason()).isEqualTo("rebuild-handing-over"))
                .hasMessageContaining("handing over");
        assertThat(stored(1, id)).isNull();
    }

    @Test
    void writesThePreviousVersionTooSoARollbackFindsItCurrent() {
        ViewState state = states.get(viewName).orElseThrow();
        states.replace(state, state.with(2, 1, List.of(1, 2), null)).orElseThrow();

        String id = UUID.randomUUID().toString();
        live.applyAll(List.of(registered(id), profileChanged(id, 2)));

        assertThat(stored(1, id).getLong("version")).isEqualTo(2);
        assertThat(stored(2, id).getLong("version")).isEqualTo(2);
    }

    @Test
    void aStateChangeFromAnOldRevisionIsRefused() {
        ViewState state = states.get(viewName).orElseThrow();
        assertThat(states.replace(state, state.with(1, null, List.of(1, 2), null))).isPresent();

        assertThat(states.replace(state, state.with(1, null, List.of(1, 3), null))).isEmpty();
        assertThat(states.get(viewName).orElseThrow().versions()).containsExactly(1, 2);
    }

    private Document stored(int version, String id) {
        return mongo.getCollection(viewName + "_v" + version).find(new Document("_id", id)).first();
    }

    private static EventEnvelope registered(String id) {
        return new EventEnvelope(UUID.randomUUID().toString(), "io.tributary.user.registered.v1", id, Instant.EPOCH, 1,
                nextPosition(), null, new UserRegistered(id, "Ada Lovelace", "ada@example.com"));
    }

    private static EventEnvelope profileChanged(String id, long version) {
        return new EventEnvelope(UUID.randomUUID().toString(), "io.tributary.user.profile-changed.v1", id,
                Instant.EPOCH, version, nextPosition(), null, new UserProfileChanged(id, "Ada King", 36, null));
    }
}
