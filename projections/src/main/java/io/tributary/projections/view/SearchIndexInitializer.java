package io.tributary.projections.view;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Creates a view version's index from its definition (settings and mappings as JSON on the classpath) and
 * points the view's alias at it if the alias does not exist yet. Safe when several instances start at once:
 * losing the creation race is success, and adding the same alias twice is a no-op.
 */
public class SearchIndexInitializer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexInitializer.class);
    private static final String ALREADY_EXISTS = "resource_already_exists_exception";

    private final ElasticsearchClient client;

    public SearchIndexInitializer(ElasticsearchClient client) {
        this.client = client;
    }

    /** @throws ViewStoreUnavailableException while Elasticsearch cannot be reached */
    public void ensureIndexAndAlias(ViewVersion view, String definitionResource) {
        try {
            createIndexIfAbsent(view, definitionResource);
            aliasIfAbsent(view);
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailures.translate(e, "create index " + view + " and alias " + view.name());
        }
    }

    private void createIndexIfAbsent(ViewVersion view, String definitionResource) throws IOException {
        String index = view.physicalName();
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
    }

    /** An alias that exists already may point at a newer version a rebuild switched to; it is left alone. */
    private void aliasIfAbsent(ViewVersion view) throws IOException {
        if (client.indices().existsAlias(exists -> exists.name(view.name())).value()) {
            return;
        }
        client.indices().updateAliases(update -> update.actions(action -> action.add(add -> add
                .index(view.physicalName())
                .alias(view.name()))));
        log.info("Pointed Elasticsearch alias {} at {}", view.name(), view.physicalName());
    }

    private static InputStream definition(String resource) {
        InputStream definition = SearchIndexInitializer.class.getClassLoader().getResourceAsStream(resource);
        if (definition == null) {
            throw new UncheckedIOException(new IOException("index definition not found: " + resource));
        }
        return definition;
    }
}
