package io.tributary.projections.check;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.tributary.events.EventCatalog;
import io.tributary.events.EventDescriptor;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.view.EventGapException;
import io.tributary.projections.view.MongoView;
import io.tributary.projections.view.MongoViewDefinition;
import io.tributary.projections.view.SearchIndexInitializer;
import io.tributary.projections.view.SearchView;
import io.tributary.projections.view.SearchViewDefinition;
import io.tributary.projections.view.ViewRegistry;
import io.tributary.projections.view.ViewVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the whole event store, through the very projections that keep the live views, into scratch versions of
 * every view ({@code check_<name>}), compares each live view with its scratch twin, and drops the scratch versions.
 * Runs one at a time; the live views keep serving and updating meanwhile.
 */
public class ViewCheck {

    private static final Logger log = LoggerFactory.getLogger(ViewCheck.class);

    private final EventStoreReader eventStore;
    private final List<MongoViewDefinition> mongoViews;
    private final List<SearchViewDefinition> searchViews;
    private final MongoDatabase database;
    private final ViewRegistry registry;
    private final ElasticsearchClient elasticsearch;
    private final SearchIndexInitializer indices;

    public ViewCheck(EventStoreReader eventStore, List<MongoViewDefinition> mongoViews,
                     List<SearchViewDefinition> searchViews, MongoDatabase database, ViewRegistry registry,
                     ElasticsearchClient elasticsearch, SearchIndexInitializer indices) {
        this.eventStore = eventStore;
        this.mongoViews = mongoViews;
        this.searchViews = searchViews;
        this.database = database;
        this.registry = registry;
        this.elasticsearch = elasticsearch;
        this.indices = indices;
    }

    public synchronized ViewCheckReport run() {
        long head = eventStore.headPosition();
        List<Fold> folds = new ArrayList<>();
        mongoViews.forEach(definition -> folds.add(new Fold(
                definition.projection().apply(new MongoView(scratch(definition.live()), database, registry)))));
        searchViews.forEach(definition -> folds.add(new Fold(definition.projection().apply(
                new SearchView(scratch(definition.live()), definition.indexDefinition(), elasticsearch, indices)))));
        try {
            long events = eventStore.forEach(head, event -> folds.forEach(fold -> fold.apply(event)));
            List<ViewCheckReport.ViewResult> results = new ArrayList<>();
            mongoViews.forEach(definition -> results.add(ViewComparison.compare(definition.live().name(), "mongodb",
                    MongoSnapshots.of(database.getCollection(scratch(definition.live()).physicalName())),
                    MongoSnapshots.of(database.getCollection(definition.live().physicalName())))));
            for (SearchViewDefinition definition : searchViews) {
                String scratchIndex = scratch(definition.live()).physicalName();
                String liveIndex = definition.live().physicalName();
                refresh(scratchIndex, liveIndex);
                results.add(ViewComparison.compare(definition.live().name(), "elasticsearch",
                        new SearchSnapshots(elasticsearch, scratchIndex, definition.idField()),
                        new SearchSnapshots(elasticsearch, liveIndex, definition.idField())));
            }
            long refused = folds.stream().mapToLong(fold -> fold.refused).sum();
            ViewCheckReport report = ViewCheckReport.of(head, events, refused, results);
            log.info("View check up to position {} over {} events: {}", head, events,
                    report.consistent() ? "consistent" : "DIFFERENCES " + results);
            return report;
        } finally {
            dropScratchViews();
        }
    }

    private static ViewVersion scratch(ViewVersion live) {
        return new ViewVersion("check_" + live.name(), live.version());
    }

    private void refresh(String... indexNames) {
        try {
            elasticsearch.indices().refresh(refresh -> refresh.index(List.of(indexNames)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dropScratchViews() {
        for (MongoViewDefinition definition : mongoViews) {
            ViewVersion scratch = scratch(definition.live());
            database.getCollection(scratch.physicalName()).drop();
            database.getCollection(ViewRegistry.COLLECTION).deleteOne(Filters.eq("_id", scratch.name()));
        }
        for (SearchViewDefinition definition : searchViews) {
            String index = scratch(definition.live()).physicalName();
            try {
                elasticsearch.indices().delete(delete -> delete.index(index).ignoreUnavailable(true));
            } catch (IOException e) {
                log.warn("Could not drop the scratch index {}: {}", index, e.getMessage());
            }
        }
    }

    /**
     * One scratch view, taking the events of its projection's aggregate type. An event the projection refuses is
     * skipped and counted, as the live projection dead-letters it; the comparison then shows whether both agree.
     */
    private static final class Fold {

        private final AggregateProjection<?> projection;
        private long refused;

        Fold(AggregateProjection<?> projection) {
            this.projection = projection;
        }

        void apply(EventEnvelope event) {
            if (EventCatalog.byCloudEventType(event.type()).map(EventDescriptor::aggregateType).orElse(null)
                    != projection.aggregateType()) {
                return;
            }
            try {
                projection.apply(event);
            } catch (UnreadableEventException | EventGapException e) {
                refused++;
                log.warn("View check: {} refuses {} version {} of {}: {}", projection.name(), event.type(),
                        event.aggregateVersion(), event.subject(), e.getMessage());
            }
        }
    }
}
