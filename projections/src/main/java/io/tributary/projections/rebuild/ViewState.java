package io.tributary.projections.rebuild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versions of one view, as kept in the {@code view_versions} collection: which one readers use, which one a
 * rollback returns to, which exist, the rebuild in progress and the last one that finished.
 *
 * @param name     the projection's name, e.g. {@code users-mongo-view}
 * @param revision counts the changes of this state; every change is made only onto the revision it was read at
 * @param active   the version readers use
 * @param previous the version a rollback switches back to; kept current by the live projection, like the active one
 * @param versions every version that exists in the store
 */
public record ViewState(String name, long revision, int active, Integer previous, List<Integer> versions,
                        Rebuild rebuild, LastRebuild lastRebuild) {

    public ViewState {
        versions = List.copyOf(versions);
    }

    static ViewState initial(String name, int version) {
        return new ViewState(name, 0, version, null, List.of(version), null, null);
    }

    ViewState withRebuild(Rebuild next) {
        return new ViewState(name, revision, active, previous, versions, next, lastRebuild);
    }

    ViewState with(int nextActive, Integer nextPrevious, List<Integer> nextVersions, Rebuild nextRebuild) {
        return new ViewState(name, revision, nextActive, nextPrevious, nextVersions, nextRebuild, lastRebuild);
    }

    /** The rebuilt version active, the formerly active one previous, and the figures of the rebuild kept. */
    ViewState switchedTo(Rebuild finished, Instant now) {
        return new ViewState(name, revision, finished.version(), active, versions, null, new LastRebuild(
                finished.version(), finished.done(), finished.eventsPerSecond(), finished.resumes(),
                finished.startedAt(), now));
    }

    /** Versions the live projection writes every event to, the active one first. */
    List<Integer> liveVersions() {
        List<Integer> live = new ArrayList<>();
        live.add(active);
        if (previous != null) {
            live.add(previous);
        }
        if (rebuild != null && rebuild.phase().writtenLive()) {
            live.add(rebuild.version());
        }
        return live;
    }

    Optional<Rebuild> rebuildInProgress() {
        return Optional.ofNullable(rebuild).filter(running -> running.phase() != RebuildPhase.FAILED);
    }

    int newestVersion() {
        return versions.stream().mapToInt(Integer::intValue).max().orElse(active);
    }

    /**
     * A rebuild of the view into {@code version}, owned by one instance of the projections service while its lease
     * lasts; another instance takes it over (resumes it) once the lease has run out.
     *
     * @param position        the checkpoint: every event of the view's aggregate type up to this global position
     *                        is in the new version
     * @param head            the event store's head when the current pass began
     * @param holes           positions below {@code position} that were unused when read (transactions still in
     *                        flight), read again by later passes
     * @param done            events applied so far
     * @param total           events of the aggregate type up to {@code head}
     * @param eventsPerSecond events applied per second since the owner took the rebuild on
     * @param resumes         how often an instance took the rebuild over from one that had stopped
     * @param message         why it failed, for a failed rebuild
     */
    public record Rebuild(int version, RebuildPhase phase, String owner, Instant leaseUntil, long position, long head,
                          List<Long> holes, long done, long total, Instant startedAt, double eventsPerSecond,
                          int resumes, String message) {

        public Rebuild {
            holes = List.copyOf(holes);
        }

        static Rebuild started(int version, String owner, Instant leaseUntil, Instant now) {
            return new Rebuild(version, RebuildPhase.FILLING, owner, leaseUntil, 0, 0, List.of(), 0, 0, now, 0, 0,
                    null);
        }

        Rebuild ownedBy(String nextOwner, Instant nextLeaseUntil) {
            return new Rebuild(version, phase, nextOwner, nextLeaseUntil, position, head, holes, done, total,
                    startedAt, eventsPerSecond, resumes, message);
        }

        Rebuild resumedBy(String nextOwner, Instant nextLeaseUntil) {
            return new Rebuild(version, phase, nextOwner, nextLeaseUntil, position, head, holes, done, total,
                    startedAt, eventsPerSecond, resumes + 1, message);
        }

        Rebuild at(long nextPosition, long nextHead, List<Long> nextHoles, long nextDone, long nextTotal) {
            return new Rebuild(version, phase, owner, leaseUntil, nextPosition, nextHead, nextHoles, nextDone,
                    nextTotal, startedAt, eventsPerSecond, resumes, message);
        }

        Rebuild withRate(double nextEventsPerSecond) {
            return new Rebuild(version, phase, owner, leaseUntil, position, head, holes, done, total, startedAt,
                    nextEventsPerSecond, resumes, message);
        }

        Rebuild in(RebuildPhase nextPhase, String nextMessage) {
            return new Rebuild(version, nextPhase, owner, leaseUntil, position, head, holes, done, total, startedAt,
                    eventsPerSecond, resumes, nextMessage);
        }
    }

    /**
     * The figures of the last rebuild that switched readers over.
     *
     * @param events          events it applied
     * @param eventsPerSecond its rate while filling, as its last owner measured it
     * @param resumes         how often it was taken over from a stopped instance
     */
    public record LastRebuild(int version, long events, double eventsPerSecond, int resumes, Instant startedAt,
                              Instant finishedAt) {
    }
}
