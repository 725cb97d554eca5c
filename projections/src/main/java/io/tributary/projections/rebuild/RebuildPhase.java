package io.tributary.projections.rebuild;

/**
 * Where a rebuild of a view into a new version stands. The live projection reads it before each batch: it decides
 * whether the new version receives live events (not while filling, which reads the event store; strictly from
 * verifying on) and when live writes must wait (during the short handover).
 */
public enum RebuildPhase {
    /** The new version is filled from the event store; live events go to the active and previous versions only. */
    FILLING("filling"),
    /**
     * The last events up to the head of the event store are added; live projections hold their next batch until
     * it is done, so every event is either in that last read or reaches the new version live.
     */
    HANDING_OVER("handing-over"),
    /** The new version is complete and written live like the active one; it is compared with a fresh fold. */
    VERIFYING("verifying"),
    /** The new version differs from the fold or could not be built; it stays for inspection until pruned. */
    FAILED("failed");

    private final String label;

    RebuildPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether live events are applied to the version being built, with the same rules as to the active one. */
    boolean writtenLive() {
        return this == VERIFYING;
    }
}
