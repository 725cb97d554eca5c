package io.tributary.projections.view;

import java.util.List;

/**
 * What applying a run of events did: the outcomes of the events from the first on, all of them written; if
 * {@code failure} is set, the event right after them failed with it, and it and the events after it were left
 * alone (some may have been written anyway, which their redelivery finds already applied).
 */
public record BatchResult(List<WriteOutcome> outcomes, RuntimeException failure) {

    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The index of the failed event; only meaningful when {@link #failure} is set. */
    public int failedIndex() {
        return outcomes.size();
    }
}
