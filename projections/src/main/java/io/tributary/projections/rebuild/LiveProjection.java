package io.tributary.projections.rebuild;

import io.tributary.projections.Projection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.BatchResult;
import io.tributary.projections.view.VersionedView;
import io.tributary.projections.view.ViewStoreUnavailableException;
import io.tributary.projections.view.WriteOutcome;

import java.util.List;

/**
 * The live projection of a view: applies each batch of Kafka records to every version that must stay current (the
 * active one, the previous one a rollback returns to, and a rebuilt one once it is complete), as the view's state
 * says at the start of the batch. Outcomes are the active version's; the batch fails at the first event any
 * version failed on, and its redelivery finds the versions that did apply it already applied.
 */
public class LiveProjection implements Projection {

    private final VersionedView view;
    private final ViewStates states;
    /** The last state read, used while MongoDB (which keeps it) is unavailable to a view kept elsewhere. */
    private volatile ViewState lastKnown;

    public LiveProjection(VersionedView view, ViewStates states) {
        this.view = view;
        this.states = states;
    }

    @Override
    public String name() {
        return view.name();
    }

    public VersionedView view() {
        return view;
    }

    @Override
    public WriteOutcome apply(EventEnvelope event) {
        BatchResult result = applyAll(List.of(event));
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.outcomes().getFirst();
    }

    /**
     * @throws ViewStoreUnavailableException while the view's state cannot be read
     * @throws RebuildHandingOverException   while a rebuild hands over
     */
    public BatchResult applyAll(List<EventEnvelope> events) {
        ViewState state = currentState();
        if (state.rebuild() != null && state.rebuild().phase() == RebuildPhase.HANDING_OVER) {
            throw new RebuildHandingOverException(name(), state.rebuild().version());
        }
        BatchResult active = null;
        int end = events.size();
        RuntimeException failure = null;
        for (int version : state.liveVersions()) {
            BatchResult result = view.projection(version).applyAll(events);
            if (active == null) {
                active = result;
            }
            if (result.failure() != null && result.failedIndex() < end) {
                end = result.failedIndex();
                failure = result.failure();
            }
        }
        return new BatchResult(active.outcomes().subList(0, Math.min(end, active.outcomes().size())), failure);
    }

    private ViewState currentState() {
        try {
            ViewState state = states.get(name()).orElseGet(() -> {
                states.initializeIfAbsent(name(), view.initialVersion());
                return states.get(name()).orElseThrow();
            });
            lastKnown = state;
            return state;
        } catch (ViewStoreUnavailableException e) {
            ViewState known = lastKnown;
            // Without a rebuild going on, the versions to write change only by an operator's rollback or prune.
            if (known != null && known.rebuild() == null) {
                return known;
            }
            throw e;
        }
    }
}
