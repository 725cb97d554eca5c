package io.tributary.projections.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.envelope.EventEnvelope;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches of events on the real stores: each document's events are folded into one write under the sequence
 * rule, a batch stops at the first event that cannot be applied but writes everything before it, and a concurrent
 * writer is neither overwritten nor applied twice.
 */
class ViewBatchesIT extends ProjectionsIntegrationTest {

    @Autowired
    SearchIndexInitializer searchIndexInitializer;

    private final String a = UUID.randomUUID().toString();
    private final String b = UUID.randomUUID().toString();

    @Test
    void mongoWritesEverythingBeforeAGapAndNothingAfterIt() {
        MongoView view = new MongoView(new ViewVersion("batch_gap_mongo", 1), mongo, List.of());

        BatchResult result = view.applyAll(List.of(event(a, 1), event(b, 1), event(a, 2), event(b, 3), event(a, 3)),
                history(view));

        assertThat(result.outcomes()).containsExactly(WriteOutcome.APPLIED, WriteOutcome.APPLIED,
                WriteOutcome.APPLIED);
        assertThat(result.failure()).isInstanceOf(EventGapException.class);
        assertThat(mongoDocument("batch_gap_mongo_v1", a).orElseThrow())
                .containsEntry("history", List.of("v1", "v2")).containsEntry("version", 2L);
        assertThat(mongoDocument("batch_gap_mongo_v1", b).orElseThrow())
                .containsEntry("history", List.of("v1")).containsEntry("version", 1L);
    }

    @Test
    void elasticsearchWritesEverythingBeforeAGapAndNothingAfterIt() {
        SearchView view = searchView("batch_gap_search");

        BatchResult result = view.applyAll(List.of(event(a, 1), event(b, 1), event(a, 2), event(b, 3), event(a, 3)),
                names(view));

        assertThat(result.outcomes()).containsExactly(WriteOutcome.APPLIED, WriteOutcome.APPLIED,
                WriteOutcome.APPLIED);
        assertThat(result.failure()).isInstanceOf(EventGapException.class);
        assertThat(searchDocument("batch_gap_search_v1", a).source().get("name").asText()).isEqualTo("v1 v2");
        assertThat(searchDocument("batch_gap_search_v1", a).version()).isEqualTo(2L);
        assertThat(searchDocument("batch_gap_search_v1", b).source().get("name").asText()).isEqualTo("v1");
    }

    /**
     * A view that remembers what it wrote is not fooled when another writer moves a document on behind its back: the
     * write it would base on its memory is refused, the document read again, and the event applied onto the store's
     * version.
     */
    @Test
    void aRememberedDocumentThatAnotherWriterChangedIsReadAgain() {
        MongoView remembering = new MongoView(new ViewVersion("batch_remember_mongo", 1), mongo, List.of());
        remembering.rememberWrites(100);
        MongoView other = new MongoView(new ViewVersion("batch_remember_mongo", 1), mongo, List.of());
        SearchView rememberingIndex = searchView("batch_remember_search");
        rememberingIndex.rememberWrites(100);
        SearchView otherIndex = searchView("batch_remember_search");

        remembering.applyAll(List.of(event(a, 1)), history(remembering));
        rememberingIndex.applyAll(List.of(event(a, 1)), names(rememberingIndex));
        other.applyAll(List.of(event(a, 2)), history(other));
        otherIndex.applyAll(List.of(event(a, 2)), names(otherIndex));

        assertThat(remembering.applyAll(List.of(event(a, 3)), history(remembering)).failure())
                .as("from memory, event 3 does not follow version 1").isInstanceOf(EventGapException.class);
        assertThat(rememberingIndex.applyAll(List.of(event(a, 3)), names(rememberingIndex)).failure())
                .isInstanceOf(EventGapException.class);
        BatchResult mongoRetry = remembering.applyAll(List.of(event(a, 3)), history(remembering));
        BatchResult searchRetry = rememberingIndex.applyAll(List.of(event(a, 3)), names(rememberingIndex));

        assertThat(mongoRetry.outcomes()).containsExactly(WriteOutcome.APPLIED);
        assertThat(searchRetry.outcomes()).containsExactly(WriteOutcome.APPLIED);
        assertThat(mongoDocument("batch_remember_mongo_v1", a).orElseThrow())
                .containsEntry("history", List.of("v1", "v2", "v3")).containsEntry("version", 3L);
        assertThat(searchDocument("batch_remember_search_v1", a).source().get("name").asText()).isEqualTo("v1 v2 v3");
    }

    @Test
    void redeliveredEventsInABatchAreAlreadyApplied() {
        MongoView mongoView = new MongoView(new ViewVersion("batch_replay_mongo", 1), mongo, List.of());
        SearchView searchView = searchView("batch_replay_search");
        mongoView.applyAll(List.of(event(a, 1), event(a, 2)), history(mongoView));
        searchView.applyAll(List.of(event(a, 1), event(a, 2)), names(searchView));

        List<EventEnvelope> replay = List.of(event(a, 1), event(a, 2), event(a, 3), event(a, 2));
        BatchResult mongoResult = mongoView.applyAll(replay, history(mongoView));
        BatchResult searchResult = searchView.applyAll(replay, names(searchView));

        List<WriteOutcome> expected = List.of(WriteOutcome.ALREADY_APPLIED, WriteOutcome.ALREADY_APPLIED,
                WriteOutcome.APPLIED, WriteOutcome.ALREADY_APPLIED);
        assertThat(mongoResult.outcomes()).isEqualTo(expected);
        assertThat(searchResult.outcomes()).isEqualTo(expected);
        assertThat(mongoDocument("batch_replay_mongo_v1", a).orElseThrow())
                .containsEntry("history", List.of("v1", "v2", "v3")).containsEntry("version", 3L);
        assertThat(searchDocument("batch_replay_search_v1", a).source().get("name").asText()).isEqualTo("v1 v2 v3");
    }

    /**
     * The index is not asked for documents that only their first event makes: a create is refused if the index has
     * the document after all, which is then read and found to hold the event already.
     */
    @Test
    void elasticsearchReadsOnlyTheNewDocumentItFindsExisting() throws IOException {
        SearchView view = searchView("batch_create_search");
        SearchView otherWriter = searchView("batch_create_search");
        otherWriter.applyAll(List.of(event(a, 1)), names(otherWriter));
        long readsBefore = documentReads("batch_create_search_v1");

        BatchResult result = view.applyAll(List.of(event(a, 1), event(b, 1)), names(view));

        assertThat(result.failure()).isNull();
        assertThat(result.outcomes()).containsExactly(WriteOutcome.ALREADY_APPLIED, WriteOutcome.APPLIED);
        assertThat(documentReads("batch_create_search_v1") - readsBefore).as("documents read").isEqualTo(1);
        assertThat(searchDocument("batch_create_search_v1", a).version()).isEqualTo(1L);
        assertThat(searchDocument("batch_create_search_v1", b).version()).isEqualTo(1L);
        assertThat(view.applyAll(List.of(event(b, 2)), names(view)).outcomes())
                .as("a created document takes the next event under external versioning")
                .containsExactly(WriteOutcome.APPLIED);
        assertThat(searchDocument("batch_create_search_v1", b).source().get("name").asText()).isEqualTo("v1 v2");
        assertThat(searchDocument("batch_create_search_v1", b).version()).isEqualTo(2L);
    }

    @Test
    void mongoFoldsAgainWhenAConcurrentWriterGotInBetween() {
        MongoView view = new MongoView(new ViewVersion("batch_race_mongo", 1), mongo, List.of());
        MongoView concurrentWriter = new MongoView(new ViewVersion("batch_race_mongo", 1), mongo, List.of());
        view.applyAll(List.of(event(a, 1)), history(view));
        AtomicBoolean raced = new AtomicBoolean();
        Function<EventEnvelope, WriteOutcome> projection = history(view);

        BatchResult result = view.applyAll(List.of(event(a, 2), event(a, 3)), event -> {
            if (raced.compareAndSet(false, true)) {
                // After the batch has read the document, before it writes it.
                history(concurrentWriter).apply(event(a, 2));
            }
            return projection.apply(event);
        });

        assertThat(result.failure()).isNull();
        assertThat(result.outcomes()).containsExactly(WriteOutcome.ALREADY_APPLIED, WriteOutcome.APPLIED);
        assertThat(mongoDocument("batch_race_mongo_v1", a).orElseThrow())
                .containsEntry("history", List.of("v1", "v2", "v3")).containsEntry("version", 3L);
    }

    /** A projection appending {@code v<n>} to a history, as the orders view does with statuses. */
    private static Function<EventEnvelope, WriteOutcome> history(MongoView view) {
        return event -> event.aggregateVersion() == 1
                ? view.create(event.subject(), event, new Document("history", List.of("v1")))
                : view.update(event.subject(), event,
                new Document("$push", new Document("history", "v" + event.aggregateVersion())));
    }

    private static Function<EventEnvelope, WriteOutcome> names(SearchView view) {
        return event -> event.aggregateVersion() == 1
                ? view.create(event.subject(), event, JsonNodeFactory.instance.objectNode().put("name", "v1"))
                : view.update(event.subject(), event, document -> document.put("name",
                document.get("name").asText() + " v" + event.aggregateVersion()));
    }

    /** Documents the index has been asked for by id, by get or mget, since it was made. */
    private long documentReads(String index) throws IOException {
        return elasticsearch.indices().stats(stats -> stats.index(index).metric("get"))
                .indices().get(index).total().get().total();
    }

    private SearchView searchView(String name) {
        return new SearchView(new ViewVersion(name, 1), "search/users_v1.json", elasticsearch, searchIndexInitializer);
    }

    private static EventEnvelope event(String id, long version) {
        return new EventEnvelope(UUID.randomUUID().toString(), "io.tributary.user.email-changed.v1", id,
                Instant.EPOCH, version, version, null, new UserEmailChanged(id, "someone@example.com"));
    }
}
