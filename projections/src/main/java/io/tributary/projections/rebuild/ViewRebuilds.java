package io.tributary.projections.rebuild;

import io.tributary.events.AggregateType;
import io.tributary.events.EventCatalog;
import io.tributary.events.EventDescriptor;
import io.tributary.projections.check.EventStoreReader;
import io.tributary.projections.check.ViewCheck;
import io.tributary.projections.check.ViewCheckReport;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.progress.ProjectionProgress;
import io.tributary.projections.view.VersionedView;
import io.tributary.projections.view.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The operators' view tooling: rebuild a view into a new version, roll back to the previous one, prune old
 * versions, verify a version against a fresh fold, and report where every view stands. Every change of a view's
 * versions is a compare-and-set of its state, so of two operators (or instances) acting at once, one wins and the
 * other is refused. Rebuilds run in the background; an instance also resumes any rebuild whose owner stopped
 * renewing its lease (killed, restarted), from its checkpoint.
 */
public class ViewRebuilds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);
    /** How often a "behind" comparison of a live version is repeated while the live projection catches up. */
    private static final int VERIFY_ATTEMPTS = 5;
    private static final int REPAIR_ATTEMPTS = 5;

    private final Map<String, VersionedView> views = new LinkedHashMap<>();
    private final ViewStates states;
    private final EventStoreReader eventStore;
    private final ViewCheck check;
    private final RebuildProperties properties;
    private final ProjectionProgress progressOfLive;
    private final RebuildProgress progress;
    private final Clock clock;
    private final String owner = "projections-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, RebuildJob> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("view-rebuild-", 0).daemon().factory());
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("view-rebuild-leases").daemon().factory());

    public ViewRebuilds(List<VersionedView> views, ViewStates states, EventStoreReader eventStore, ViewCheck check,
                        RebuildProperties properties, ProjectionProgress progressOfLive, RebuildProgress progress,
                        Clock clock) {
        views.forEach(view -> this.views.put(view.name(), view));
        this.states = states;
        this.eventStore = eventStore;
        this.check = check;
        this.properties = properties;
        this.progressOfLive = progressOfLive;
        this.progress = progress;
        this.clock = clock;
    }

    public List<ViewStatus> status() {
        List<ViewStatus> status = new ArrayList<>();
        views.keySet().forEach(name -> status.add(status(name)));
        return status;
    }

    public ViewStatus status(String name) {
        VersionedView view = view(name);
        ViewState state = state(view);
        ProjectionProgress.Snapshot live = progressOfLive.snapshot().get(name);
        return new ViewStatus(name, view.readerName(), view.store(), state.active(), state.previous(),
                state.versions(), live == null ? -1 : live.position(), live == null ? -1 : live.eventsBehind(),
                state.rebuild() == null ? null : ViewStatus.RebuildStatus.of(state.rebuild()), state.lastRebuild());
    }

    /**
     * Starts a rebuild of the view into a new version, or takes over one whose owner has stopped.
     *
     * @throws RebuildRefusedException while a rebuild of the view is running
     */
    public ViewStatus rebuild(String name) {
        VersionedView view = view(name);
        ViewState state = state(view);
        Optional<ViewState.Rebuild> inProgress = state.rebuildInProgress();
        if (inProgress.isPresent()) {
            ViewState.Rebuild rebuild = inProgress.get();
            if (running.containsKey(name) || rebuild.leaseUntil().isAfter(clock.instant())) {
                throw new RebuildRefusedException("a rebuild of " + name + " into v" + rebuild.version()
                        + " is running (" + rebuild.phase().label() + ", " + rebuild.done() + " of " + rebuild.total()
                        + " events, on " + rebuild.owner() + ")");
            }
            resume(view, state);
            return status(name);
        }
        int version = state.newestVersion() + 1;
        List<Integer> versions = new ArrayList<>(state.versions());
        versions.add(version);
        ViewState.Rebuild rebuild = ViewState.Rebuild.started(version, owner, clock.instant().plus(properties.lease()),
                clock.instant());
        ViewState claimed = states.replace(state, state.with(state.active(), state.previous(), versions, rebuild))
                .orElseThrow(() -> new RebuildRefusedException("the versions of " + name
                        + " changed meanwhile (another rebuild or rollback); look at the status and try again"));
        log.info("Rebuilding {} into v{}", name, version);
        submit(view, claimed);
        return status(name);
    }

    /** Points readers back at the previous version and makes the active one the previous one. */
    public ViewStatus rollback(String name) {
        VersionedView view = view(name);
        ViewState state = state(view);
        if (state.rebuildInProgress().isPresent()) {
            throw new RebuildRefusedException("a rebuild of " + name + " is running; roll back once it has ended");
        }
        if (state.previous() == null) {
            throw new RebuildRefusedException(name + " has no previous version to roll back to");
        }
        view.pointReadersAt(state.previous());
        Optional<ViewState> rolledBack = states.replace(state, state.with(state.previous(), state.active(),
                state.versions(), state.rebuild()));
        if (rolledBack.isEmpty()) {
            // Someone else changed the versions first; readers follow whatever is active now.
            view.pointReadersAt(state(view).active());
            throw new RebuildRefusedException("the versions of " + name + " changed meanwhile; look at the status");
        }
        log.info("Rolled {} back to v{}", name, state.previous());
        return status(name);
    }

    /** Drops every version that is neither active, nor previous, nor being rebuilt; returns the dropped ones. */
    public List<Integer> prune(String name) {
        VersionedView view = view(name);
        ViewState state = state(view);
        List<Integer> kept = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        Optional<Integer> building = state.rebuildInProgress().map(ViewState.Rebuild::version);
        for (int version : state.versions()) {
            boolean keep = version == state.active() || Integer.valueOf(version).equals(state.previous())
                    || building.filter(number -> number == version).isPresent();
            (keep ? kept : dropped).add(version);
        }
        ViewState.Rebuild rebuild = state.rebuild() != null && dropped.contains(state.rebuild().version())
                ? null : state.rebuild();
        states.replace(state, state.with(state.active(), state.previous(), kept, rebuild))
                .orElseThrow(() -> new RebuildRefusedException("the versions of " + name
                        + " changed meanwhile; look at the status and try again"));
        dropped.forEach(view::drop);
        log.info("Pruned {}: dropped {}", name, dropped);
        return dropped;
    }

    /**
     * Repairs the documents of one aggregate in every version the live projection writes: folds the aggregate's own
     * stream afresh and writes the result over the stored document (unless the live projection has meanwhile
     * written a newer version, then the stream is read again).
     *
     * @return the versions repaired and how many events the stream had
     */
    public RepairReport repair(String name, String aggregateId) {
        VersionedView view = view(name);
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("repair needs the id of the aggregate whose documents to repair");
        }
        List<Integer> repaired = new ArrayList<>();
        long events = 0;
        for (int version : state(view).liveVersions()) {
            for (int attempt = 1; ; attempt++) {
                List<EventEnvelope> stream = streamOf(view, aggregateId);
                events = stream.size();
                if (view.projection(version).replace(stream) == WriteOutcome.APPLIED) {
                    repaired.add(version);
                    break;
                }
                if (attempt == REPAIR_ATTEMPTS) {
                    throw new RebuildRefusedException(aggregateId + " keeps changing; repair it again later");
                }
            }
        }
        log.info("Repaired {} in {} versions {} from its {} events", aggregateId, name, repaired, events);
        return new RepairReport(name, aggregateId, events, repaired);
    }

    /** @param versions the versions whose document was rewritten */
    public record RepairReport(String view, String id, long events, List<Integer> versions) {
    }

    private List<EventEnvelope> streamOf(VersionedView view, String aggregateId) {
        List<EventEnvelope> stream = new ArrayList<>();
        eventStore.forEachOf(aggregateId, stream::add);
        if (stream.isEmpty()) {
            throw new NoSuchElementException("the event store has no events of " + aggregateId);
        }
        AggregateType type = EventCatalog.byCloudEventType(stream.getFirst().type())
                .map(EventDescriptor::aggregateType).orElseThrow();
        if (type != view.aggregateType()) {
            throw new IllegalArgumentException(aggregateId + " is a " + type.label() + ", but " + view.name()
                    + " shows " + view.aggregateType().label() + "s");
        }
        return stream;
    }

    /**
     * Compares the active version with a fresh fold of the event store. A document the live projection has not
     * caught up with yet shows as behind; while only such differences remain, the comparison is repeated.
     */
    public ViewCheckReport.ViewResult verify(String name) {
        VersionedView view = view(name);
        long head = eventStore.headPosition();
        ViewCheckReport.ViewResult result = null;
        for (int attempt = 1; attempt <= VERIFY_ATTEMPTS; attempt++) {
            result = check.verify(view, state(view).active(), head);
            boolean onlyBehind = result.missing() + result.different() + result.unexpected() == 0;
            if (result.consistent() || !onlyBehind) {
                return result;
            }
            sleep(attempt);
        }
        return result;
    }

    /**
     * From now on, renews the leases of this instance's rebuilds and takes over abandoned ones, each a few times per
     * lease period; the first look for abandoned rebuilds is at once.
     */
    public void start() {
        long period = Math.max(properties.lease().toMillis() / 3, 100);
        leases.scheduleWithFixedDelay(() -> {
            renewLeases();
            resumeAbandoned();
        }, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Takes over the rebuilds whose owners stopped renewing their leases. */
    void resumeAbandoned() {
        for (VersionedView view : views.values()) {
            try {
                ViewState state = state(view);
                state.rebuildInProgress()
                        .filter(rebuild -> rebuild.leaseUntil().isBefore(clock.instant()))
                        .filter(rebuild -> !running.containsKey(view.name()))
                        .ifPresent(rebuild -> resume(view, state));
            } catch (RuntimeException e) {
                log.warn("Could not look for an abandoned rebuild of {}: {}", view.name(), e.getMessage());
            }
        }
    }

    private void renewLeases() {
        running.values().forEach(job -> {
            try {
                job.renewLease();
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease of the rebuild of {}: {}", job.viewName(), e.getMessage());
            }
        });
    }

    private void resume(VersionedView view, ViewState state) {
        ViewState.Rebuild rebuild = state.rebuild();
        ViewState.Rebuild ours = rebuild.resumedBy(owner, clock.instant().plus(properties.lease()));
        states.replace(state, state.withRebuild(ours)).ifPresent(claimed -> {
            log.info("Resuming the rebuild of {} into v{} ({}) from position {}, left by {}", view.name(),
                    rebuild.version(), rebuild.phase().label(), rebuild.position(), rebuild.owner());
            submit(view, claimed);
        });
    }

    private void submit(VersionedView view, ViewState claimed) {
        RebuildJob job = new RebuildJob(view, claimed, states, eventStore, check, properties, owner, clock, progress);
        running.put(view.name(), job);
        executor.execute(() -> {
            try {
                job.run();
            } finally {
                running.remove(view.name());
            }
        });
    }

    private VersionedView view(String name) {
        VersionedView view = views.get(name);
        if (view == null) {
            throw new NoSuchElementException("no view " + name + "; the views are " + views.keySet());
        }
        return view;
    }

    private ViewState state(VersionedView view) {
        return states.get(view.name()).orElseGet(() -> {
            states.initializeIfAbsent(view.name(), view.initialVersion());
            return states.get(view.name()).orElseThrow();
        });
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(1000L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        leases.shutdownNow();
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
