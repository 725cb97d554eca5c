package io.tributary.projections.rebuild;

import io.tributary.events.AggregateType;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.check.EventStoreReader;
import io.tributary.projections.check.ViewCheck;
import io.tributary.projections.check.ViewCheckReport;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.ChunkedFold;
import io.tributary.projections.view.VersionedView;
import io.tributary.projections.view.ViewStoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One rebuild of a view into a new version, run by the instance that owns it, from wherever its checkpoint stands:
 * <ol>
 * <li>filling: passes over the event store (the view's aggregate type, in global order) until a pass finds few new
 * events; a checkpoint after every chunk;</li>
 * <li>handing over: the live projection holds its batches while one last pass reads up to the head, so every event
 * is either in that pass or reaches the new version live;</li>
 * <li>verifying: written live like the active version, it is compared with a fresh fold up to the handover
 * position;</li>
 * <li>switching: readers are pointed at it, then the state makes it active and the old active version the
 * previous one, kept current for a rollback.</li>
 * </ol>
 * Side effects have no part in this: only view versions are written, never e-mail.
 */
final class RebuildJob implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildJob.class);
    /** Positions a transaction can still hold uncommitted when a pass reads; older ones are not looked at. */
    private static final long HOLE_WINDOW = 100_000;
    private static final int MAX_HOLES = 10_000;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final VersionedView view;
    private final int version;
    private final ViewStates states;
    private final EventStoreReader eventStore;
    private final ViewCheck check;
    private final RebuildProperties properties;
    private final String owner;
    private final Clock clock;
    private final RebuildProgress progress;
    private ViewState state;
    private Instant started;
    private long doneAtStart;
    /** The new version as this job writes it: documents it wrote are not read back. */
    private final AggregateProjection<?, ?> filling;

    RebuildJob(VersionedView view, ViewState claimed, ViewStates states, EventStoreReader eventStore, ViewCheck check,
               RebuildProperties properties, String owner, Clock clock, RebuildProgress progress) {
        this.view = view;
        this.version = claimed.rebuild().version();
        this.state = claimed;
        this.states = states;
        this.eventStore = eventStore;
        this.check = check;
        this.properties = properties;
        this.owner = owner;
        this.clock = clock;
        this.progress = progress;
        this.filling = view.rememberingProjection(version, properties.chunkSize());
    }

    String viewName() {
        return view.name();
    }

    @Override
    public void run() {
        started = clock.instant();
        doneAtStart = state.rebuild().done();
        try {
            view.create(version);
            if (phase() == RebuildPhase.FILLING) {
                view.bulkLoading(version, true);
                long found;
                do {
                    found = pass();
                } while (found >= properties.handoverThreshold());
                changePhase(RebuildPhase.HANDING_OVER);
            }
            if (phase() == RebuildPhase.HANDING_OVER) {
                pass();
                view.bulkLoading(version, false);
                changePhase(RebuildPhase.VERIFYING);
            }
            ViewCheckReport.ViewResult result = verify();
            if (!result.consistent()) {
                throw new IllegalStateException("version " + version + " differs from a fresh fold of the event store: "
                        + result.missing() + " missing, " + result.behind() + " behind, " + result.different()
                        + " different, " + result.unexpected() + " unexpected; first: " + result.examples());
            }
            switchReaders();
        } catch (LostRebuildException e) {
            log.warn("Rebuild of {} into v{} stopped here: {}", view.name(), version, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Rebuild of {} into v{} failed", view.name(), version, e);
            fail(e);
        } finally {
            progress.finished(view.name());
        }
    }

    /** Compares the new version with a fresh fold up to the handover; started again after a store outage. */
    private ViewCheckReport.ViewResult verify() {
        return waitingOutOutages("verify", () -> check.verify(view, version, state.rebuild().position()));
    }

    /** Runs {@code step} until no store outage interrupts it, pausing longer after each (up to a few seconds). */
    private <T> T waitingOutOutages(String what, Supplier<T> step) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return step.get();
            } catch (ViewStoreUnavailableException e) {
                log.warn("Rebuild of {} waits {} to {}: {}", view.name(), pause, what, e.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LostRebuildException("interrupted: the service is stopping");
        }
    }

    private RebuildPhase phase() {
        return state.rebuild().phase();
    }

    /**
     * Reads the events after the checkpoint up to the current head, and again those at positions that were unused
     * when an earlier pass read past them; returns how many events it found.
     */
    private long pass() {
        long head = eventStore.headPosition();
        ViewState.Rebuild before = state.rebuild();
        List<Long> unused = eventStore.unusedPositions(Math.max(before.position(), head - HOLE_WINDOW), head);
        Set<Long> holes = new HashSet<>(before.holes());
        holes.addAll(unused);
        List<Long> openHoles = newest(holes);
        long total = eventStore.count(view.aggregateType(), head);
        update(rebuild -> rebuild.at(rebuild.position(), head, openHoles, rebuild.done(), total));
        Set<Long> filled = new HashSet<>();
        ChunkedFold fold = new ChunkedFold(filling, properties.chunkSize(), this::checkpoint);
        AggregateType type = view.aggregateType();
        eventStore.forEachAt(type, before.holes(), event -> {
            filled.add(event.position());
            fold.accept(event);
        });
        eventStore.forEach(type, before.position(), head, fold);
        fold.flush();
        List<Long> stillOpen = openHoles.stream().filter(position -> !filled.contains(position)).toList();
        update(rebuild -> rebuild.at(Math.max(rebuild.position(), head), head, stillOpen, rebuild.done(),
                rebuild.total()));
        log.info("Rebuild of {} into v{}: {} events up to position {}", view.name(), version, fold.folded(), head);
        return fold.folded();
    }

    /** Records that {@code chunk} is written, and the rate since this instance took the rebuild on. */
    private void checkpoint(List<EventEnvelope> chunk) {
        long last = chunk.getLast().position();
        update(rebuild -> {
            long done = rebuild.done() + chunk.size();
            double seconds = Math.max(Duration.between(started, clock.instant()).toMillis(), 1) / 1000.0;
            return rebuild.at(Math.max(rebuild.position(), last), rebuild.head(), rebuild.holes(), done,
                    Math.max(rebuild.total(), done)).withRate((done - doneAtStart) / seconds);
        });
    }

    private void changePhase(RebuildPhase phase) {
        update(rebuild -> rebuild.in(phase, null));
        log.info("Rebuild of {} into v{}: {}", view.name(), version, phase.label());
    }

    /** Renews the lease; called by the owner's heartbeat while a long step (the verification) makes no checkpoint. */
    void renewLease() {
        update(UnaryOperator.identity());
    }

    private void switchReaders() {
        view.pointReadersAt(version);
        ViewState switched = states.replace(state, state.switchedTo(state.rebuild(), clock.instant())).orElse(null);
        if (switched == null) {
            // A heartbeat renewed the lease in between: read again, still ours, switch.
            state = ownState();
            switchReaders();
            return;
        }
        state = switched;
        log.info("Rebuild of {} done: readers use v{}, v{} stays for a rollback", view.name(), version,
                switched.previous());
    }

    private void fail(RuntimeException failure) {
        try {
            update(rebuild -> rebuild.in(RebuildPhase.FAILED, String.valueOf(failure.getMessage())));
        } catch (RuntimeException e) {
            log.warn("Could not record the failure of the rebuild of {}: {}", view.name(), e.getMessage());
        }
    }

    /**
     * Changes this rebuild's part of the state, as long as it is still this instance's; waits while MongoDB is
     * unavailable (the lease may run out meanwhile, and another instance take over).
     */
    private synchronized void update(UnaryOperator<ViewState.Rebuild> change) {
        waitingOutOutages("record its progress", () -> {
            tryUpdate(change);
            return null;
        });
    }

    private void tryUpdate(UnaryOperator<ViewState.Rebuild> change) {
        while (true) {
            ViewState current = ownState();
            ViewState.Rebuild next = change.apply(current.rebuild()).ownedBy(owner, leaseUntil());
            var stored = states.replace(current, current.withRebuild(next));
            if (stored.isPresent()) {
                state = stored.get();
                progress.update(view.name(), next);
                return;
            }
        }
    }

    private ViewState ownState() {
        ViewState current = states.get(view.name()).orElseThrow(() -> new LostRebuildException("the state is gone"));
        ViewState.Rebuild rebuild = current.rebuild();
        if (rebuild == null || rebuild.version() != version || !owner.equals(rebuild.owner())
                || rebuild.phase() == RebuildPhase.FAILED) {
            throw new LostRebuildException("the rebuild is no longer this instance's");
        }
        return current;
    }

    private Instant leaseUntil() {
        return clock.instant().plus(properties.lease());
    }

    private static List<Long> newest(Set<Long> holes) {
        List<Long> sorted = new ArrayList<>(holes);
        sorted.sort(null);
        if (sorted.size() > MAX_HOLES) {
            log.warn("{} unused positions in the event store; only the newest {} are read again", sorted.size(),
                    MAX_HOLES);
            return List.copyOf(sorted.subList(sorted.size() - MAX_HOLES, sorted.size()));
        }
        return sorted;
    }
}
