package io.tributary.projections.view;

import io.tributary.projections.Concurrently;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Several instances starting at once must all end up with one index, one alias and one registry entry. */
class ViewInitializationIT extends ProjectionsIntegrationTest {

    private static final int INSTANCES = 6;

    @Autowired
    SearchIndexInitializer searchIndexInitializer;
    @Autowired
    ViewRegistry viewRegistry;

    @Test
    void concurrentStartsCreateTheIndexAndAliasOnce() throws Exception {
        ViewVersion view = new ViewVersion("concurrent_start", 1);

        runConcurrently(() -> {
            searchIndexInitializer.ensureIndex(view, "search/users_v1.json");
            searchIndexInitializer.aliasIfAbsent(view);
        });

        assertThat(elasticsearch.indices().getAlias(alias -> alias.name(view.name())).result())
                .containsOnlyKeys(view.physicalName());
        assertThat(elasticsearch.indices().getMapping(get -> get.index(view.physicalName()))
                .get(view.physicalName()).mappings().properties()).containsKeys("userId", "name", "email");
    }

    @Test
    void concurrentStartsRegisterTheViewOnce() throws Exception {
        ViewVersion view = new ViewVersion("concurrent_registry", 1);

        runConcurrently(() -> viewRegistry.registerIfAbsent(view));

        assertThat(viewRegistry.activeCollection(view.name())).contains(view.physicalName());
    }

    @Test
    void aStartingOlderVersionDoesNotTakeBackASwitchedView() throws IOException {
        ViewVersion current = new ViewVersion("switched", 1);
        ViewVersion rebuilt = new ViewVersion("switched", 2);
        viewRegistry.registerIfAbsent(rebuilt);
        searchIndexInitializer.ensureIndex(rebuilt, "search/users_v1.json");
        searchIndexInitializer.aliasIfAbsent(rebuilt);

        viewRegistry.registerIfAbsent(current);
        searchIndexInitializer.ensureIndex(current, "search/users_v1.json");
        searchIndexInitializer.aliasIfAbsent(current);

        assertThat(viewRegistry.activeCollection("switched")).contains("switched_v2");
        assertThat(elasticsearch.indices().getAlias(alias -> alias.name("switched")).result())
                .containsOnlyKeys("switched_v2");
    }

    private static void runConcurrently(Runnable start) throws Exception {
        Concurrently.run(INSTANCES, () -> {
            start.run();
            return null;
        });
    }
}
