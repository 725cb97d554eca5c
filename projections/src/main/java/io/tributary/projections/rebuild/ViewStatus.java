package io.tributary.projections.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /actuator/views} tells an operator about one view.
 *
 * @param name     the projection's name, which the tool takes
 * @param view     the name readers know it by
 * @param position     the newest event-store position the live projection applied in this instance (-1: none yet)
 * @param eventsBehind records the live projection has not processed yet (-1: not known yet)
 */
public record ViewStatus(String name, String view, String store, int active, Integer previous, List<Integer> versions,
                         long position, long eventsBehind, RebuildStatus rebuild, ViewState.LastRebuild lastRebuild) {

    /** @param etaSeconds seconds left at the current rate until the rebuild has read up to the head */
    public record RebuildStatus(int version, String phase, long done, long total, double eventsPerSecond,
                                long etaSeconds, long position, long head, Instant startedAt, String owner,
                                int resumes, String message) {

        static RebuildStatus of(ViewState.Rebuild rebuild) {
            return new RebuildStatus(rebuild.version(), rebuild.phase().label(), rebuild.done(), rebuild.total(),
                    Math.round(rebuild.eventsPerSecond() * 10) / 10.0, RebuildProgress.etaSeconds(rebuild),
                    rebuild.position(), rebuild.head(), rebuild.startedAt(), rebuild.owner(), rebuild.resumes(),
                    rebuild.message());
        }
    }
}
