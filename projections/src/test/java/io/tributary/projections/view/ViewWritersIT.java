package io.tributary.projections.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.projections.Concurrently;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.envelope.EventEnvelope;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared view writers on the real stores: one event delivered to several writers at once is applied once,
 * and an event after a gap changes nothing.
 */
class ViewWritersIT extends ProjectionsIntegrationTest {

    private static final int WRITERS = 6;

    @Autowired
    SearchIndexInitializer searchIndexInitializer;

    private final String id = UUID.randomUUID().toString();

    @Test
    void mongoAppliesAnEventDeliveredToSeveralWritersOnce() throws Exception {
        MongoView view = new MongoView(new ViewVersion("race_mongo", 1), mongo, List.of());

        List<WriteOutcome> creations = Concurrently.run(WRITERS,
                () -> view.create(id, event(1), new Document("history", List.of("first"))));
        List<WriteOutcome> updates = Concurrently.run(WRITERS, () -> view.update(id, event(2),
                new Document("$push", new Document("history", "second"))));

        assertThat(creations).containsOnlyOnce(WriteOutcome.APPLIED);
        assertThat(updates).containsOnlyOnce(WriteOutcome.APPLIED);
        assertThat(mongoDocument("race_mongo_v1", id)).contains(new Document("_id", id)
                .append("history", List.of("first", "second"))
                .append("version", 2L)
                .append("position", 2L));
    }

    @Test
    void elasticsearchAppliesAnEventDeliveredToSeveralWritersOnce() throws Exception {
        SearchView view = new SearchView(new ViewVersion("race_search", 1), "search/users_v1.json", elasticsearch,
                searchIndexInitializer);

        List<WriteOutcome> creations = Concurrently.run(WRITERS, () -> view.create(id, event(1), fields("first")));
        List<WriteOutcome> updates = Concurrently.run(WRITERS, () -> view.update(id, event(2),
                document -> document.put("name", document.get("name").asText() + ", second")));

        assertThat(creations).containsOnlyOnce(WriteOutcome.APPLIED);
        assertThat(updates).containsOnlyOnce(WriteOutcome.APPLIED);
        assertThat(searchDocument("race_search_v1", id).source()).isEqualTo(fields("first, second").put("version", 2));
    }

    @Test
    void anEventAfterAGapChangesNeitherStore() {
        MongoView mongoView = new MongoView(new ViewVersion("gap_mongo", 1), mongo, List.of());
        SearchView searchView = new SearchView(new ViewVersion("gap_search", 1), "search/users_v1.json",
                elasticsearch, searchIndexInitializer);
        mongoView.create(id, event(1), new Document("name", "first"));
        searchView.create(id, event(1), fields("first"));

        assertThatThrownBy(() -> mongoView.set(id, event(3), new Document("name", "third")))
                .isInstanceOf(EventGapException.class);
        assertThatThrownBy(() -> searchView.merge(id, event(3), fields("third")))
                .isInstanceOf(EventGapException.class);
        assertThatThrownBy(() -> mongoView.set("absent-" + id, event(2), new Document("name", "second")))
                .isInstanceOf(EventGapException.class).hasMessageContaining("at no version");
        assertThatThrownBy(() -> searchView.merge("absent-" + id, event(2), fields("second")))
                .isInstanceOf(EventGapException.class).hasMessageContaining("at no version");

        assertThat(mongoDocument("gap_mongo_v1", id).orElseThrow()).containsEntry("name", "first")
                .containsEntry("version", 1L);
        assertThat(searchDocument("gap_search_v1", id).source()).isEqualTo(fields("first").put("version", 1));
        assertThat(mongoDocument("gap_mongo_v1", "absent-" + id)).isEmpty();
        assertThat(searchDocument("gap_search_v1", "absent-" + id).found()).isFalse();
    }

    private EventEnvelope event(long version) {
        return new EventEnvelope(UUID.randomUUID().toString(), "io.tributary.user.email-changed.v1", id,
                Instant.EPOCH, version, version, null, new UserEmailChanged(id, "someone@example.com"));
    }

    private ObjectNode fields(String name) {
        return JsonNodeFactory.instance.objectNode().put("userId", id).put("name", name);
    }
}
