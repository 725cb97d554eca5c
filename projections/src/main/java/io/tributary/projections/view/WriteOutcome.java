package io.tributary.projections.view;

/** What a version-guarded write did. */
public enum WriteOutcome {
    /** The document now reflects the event. */
    APPLIED,
    /** The document already reflected this or a newer version (redelivery, replay); nothing changed. */
    ALREADY_APPLIED;

    public String label() {
        return this == APPLIED ? "applied" : "already-applied";
    }
}
