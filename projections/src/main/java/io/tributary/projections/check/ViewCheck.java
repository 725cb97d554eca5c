package io.tributary.projections.check;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.view.ActiveVersions;
import io.tributary.projections.view.ChunkedFold;
import io.tributary.projections.view.MongoVersionedView;
import io.tributary.projections.view.SearchVersionedView;
import io.tributary.projections.view.VersionedView;
import io.tributary.projections.view.ViewVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the event store, through the very projections that keep the live views, into scratch versions
 * ({@code check_<name>}), compares each view version with its scratch twin, and drops the scratch versions.
 * Runs one at a time; the live views keep serving and updating meanwhile.
 */
public class ViewCheck {

    private static final Logger log = LoggerFactory.getLogger(ViewCheck.class);
    private static final int CHUNK = 1000;
    /** Aggregate ids compared at a time: one lookup in each version. */
    private static final int BATCH = 1000;

    private final EventStoreReader eventStore;
    private final List<VersionedView> views;
    private final MongoDatabase database;
    private final ElasticsearchClient elasticsearch;

    public ViewCheck(EventStoreReader eventStore, List<VersionedView> views, MongoDatabase database,
                     ElasticsearchClient elasticsearch) {
        this.eventStore = eventStore;
        this.views = views;
        this.database = database;
        this.elasticsearch = elasticsearch;
    }

    /** Compares the active version of every view with the fold of the whole event store. */
    public synchronized ViewCheckReport run(ActiveVersions versions) {
        long head = eventStore.headPosition();
        List<ChunkedFold> folds = new ArrayList<>();
        try {
            views.forEach(view -> folds.add(new ChunkedFold(scratchProjection(view, versions.activeVersion(view)),
                    CHUNK)));
            long events = eventStore.forEach(head, event -> folds.forEach(fold -> fold.accept(event)));
            folds.forEach(ChunkedFold::flush);
            List<ViewCheckReport.ViewResult> results = new ArrayList<>();
            views.forEach(view -> results.add(compare(view, versions.activeVersion(view), head)));
            long refused = folds.stream().mapToLong(ChunkedFold::refused).sum();
            ViewCheckReport report = ViewCheckReport.of(head, events, refused, results);
            log.info("View check up to position {} over {} events: {}", head, events,
                    report.consistent() ? "consistent" : "DIFFERENCES " + results);
            return report;
        } finally {
            views.forEach(view -> dropScratch(view, versions.activeVersion(view)));
        }
    }

    /**
     * Compares {@code version} of {@code view} with the fold of the events of its aggregate type up to
     * {@code upTo}. Documents the version holds at a newer version than the fold are no difference.
     */
    public synchronized ViewCheckReport.ViewResult verify(VersionedView view, int version, long upTo) {
        ChunkedFold fold = new ChunkedFold(scratchProjection(view, version), CHUNK);
        try {
            eventStore.forEach(view.aggregateType(), 0, upTo, fold);
            fold.flush();
            ViewCheckReport.ViewResult result = compare(view, version, upTo);
            log.info("Verified {} up to position {}: {}", view.version(version), upTo,
                    result.consistent() ? "consistent" : "DIFFERENCES " + result);
            return result;
        } finally {
            dropScratch(view, version);
        }
    }

    private ViewCheckReport.ViewResult compare(VersionedView view, int version, long foldedUpTo) {
        String scratch = scratch(view, version).physicalName();
        String live = view.version(version).physicalName();
        DocumentSource expected;
        DocumentSource actual;
        switch (view) {
            case MongoVersionedView ignored -> {
                expected = new MongoSnapshots(database.getCollection(scratch));
                actual = new MongoSnapshots(database.getCollection(live));
            }
            case SearchVersionedView search -> {
                refresh(scratch, live);
                expected = snapshots(scratch, search.idField());
                actual = snapshots(live, search.idField());
            }
        }
        long head = eventStore.headPosition();
        return ViewComparison.compare(view.readerName(), view.store(),
                ids -> eventStore.forEachAggregateId(view.aggregateType(), head, BATCH, ids), expected, actual,
                eventStore::knownAggregates, id -> eventStore.hasEventsAfter(id, foldedUpTo));
    }

    private DocumentSource snapshots(String index, String idField) {
        return new SearchSnapshots(elasticsearch, index, idField);
    }

    /**
     * The projection that folds into the scratch twin of {@code version}, which exists before the fold: a view
     * whose aggregate type has no events yet is compared with an empty scratch, not with an index that is missing.
     */
    private static AggregateProjection<?, ?> scratchProjection(VersionedView view, int version) {
        AggregateProjection<?, ?> projection = view.projectionOf(scratch(view, version));
        projection.view().ensureReady();
        return projection;
    }

    private static ViewVersion scratch(VersionedView view, int version) {
        return new ViewVersion("check_" + view.readerName(), version);
    }

    private void refresh(String... indexNames) {
        try {
            elasticsearch.indices().refresh(refresh -> refresh.index(List.of(indexNames)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dropScratch(VersionedView view, int version) {
        ViewVersion scratch = scratch(view, version);
        try {
            switch (view) {
                case MongoVersionedView ignored -> database.getCollection(scratch.physicalName()).drop();
                case SearchVersionedView ignored -> elasticsearch.indices()
                        .delete(delete -> delete.index(scratch.physicalName()).ignoreUnavailable(true));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not drop the scratch version {}: {}", scratch, e.getMessage());
        }
    }
}
