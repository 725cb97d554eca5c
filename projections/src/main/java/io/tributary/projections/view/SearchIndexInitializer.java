package io.tributary.projections.view;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Creates, aliases and drops the indices of view versions. An index is made from its definition (settings and
 * mappings as JSON on the classpath). Safe when several instances start at once: losing the creation race is
 * success, and adding the same alias twice is a no-op.
 */
public class SearchIndexInitializer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexInitializer.class);
    private static final String ALREADY_EXISTS = "resource_already_exists_exception";
    /** What the index definitions set; a bulk fill turns refreshing off and back to this. */
    private static final String SERVING_REFRESH_INTERVAL = "1s";

    private final ElasticsearchClient client;

    public SearchIndexInitializer(ElasticsearchClient client) {
        this.client = client;
    }

    /** @throws ViewStoreUnavailableException while Elasticsearch cannot be reached */
    public void ensureIndex(ViewVersion view, String definitionResource) {
        String index = view.physicalName();
        try {
            if (client.indices().exists(exists -> exists.index(index)).value()) {
                return;
            }
            try (InputStream definition = definition(definitionResource)) {
                client.indices().create(create -> create.index(index).withJson(definition));
                log.info("Created Elasticsearch index {}", index);
            } catch (ElasticsearchException e) {
                if (!ALREADY_EXISTS.equals(e.error().type())) {
                    throw e;
                }
            }
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "create index " + index);
        }
    }

    /** Points the view's alias at this version unless it exists already (it may point at a rebuilt version). */
    public void aliasIfAbsent(ViewVersion view) {
        try {
            if (!client.indices().existsAlias(exists -> exists.name(view.name())).value()) {
                pointAlias(view);
            }
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "alias " + view.name() + " to " + view);
        }
    }

    /**
     * Points the view's alias at this version and away from any other in one {@code _aliases} request, which
     * Elasticsearch applies atomically: every search sees either the old version or the new one.
     */
    public void pointAlias(ViewVersion view) {
        try {
            client.indices().updateAliases(update -> update
                    .actions(action -> action.remove(remove -> remove.index(view.name() + "_v*").alias(view.name()).mustExist(false)))
                    .actions(action -> action.add(add -> add.index(view.physicalName()).alias(view.name()))));
            log.info("Pointed Elasticsearch alias {} at {}", view.name(), view.physicalName());
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "point alias " + view.name() + " at " + view);
        }
    }

    /** Sets how often the index refreshes; {@code null} restores what it serves with. */
    public void refreshInterval(ViewVersion view, String interval) {
        String value = interval == null ? SERVING_REFRESH_INTERVAL : interval;
        try {
            client.indices().putSettings(settings -> settings.index(view.physicalName())
                    .settings(index -> index.refreshInterval(time -> time.time(value))));
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "set the refresh interval of " + view);
        }
    }

    public void delete(ViewVersion view) {
        try {
            client.indices().delete(delete -> delete.index(view.physicalName()).ignoreUnavailable(true));
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "delete index " + view);
        }
    }

    private static InputStream definition(String resource) {
        InputStream definition = SearchIndexInitializer.class.getClassLoader().getResourceAsStream(resource);
        if (definition == null) {
            throw new UncheckedIOException(new IOException("index definition not found: " + resource));
        }
        return definition;
    }
}
