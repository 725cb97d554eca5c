package io.tributary.projections.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compares a view version with its expected state (the fold of the event store, in a scratch version) by aggregate
 * id, a batch at a time: the ids come from the event store, and each batch is looked up in both versions. Memory
 * stays bounded and neither version is scanned or sorted, which matters on a Mongo-protocol server that holds a whole
 * result in memory. Only if the version holds more documents than those ids found is it scanned, for the documents
 * of aggregates the event store does not know. A live document newer than the fold is not a difference, nor is one
 * the fold lacks because its aggregate's first event came after the fold's end: events appended after the check
 * started may already have reached the view. Views never delete documents, so the counts are exact.
 */
final class ViewComparison {

    private static final int MAX_EXAMPLES = 20;

    private long documents;
    private long missing;
    private long unexpected;
    private long behind;
    private long different;
    private final List<String> examples = new ArrayList<>();

    /**
     * @param aggregateIds  hands every aggregate id the fold covers to its argument, a batch at a time
     * @param expected      the fold
     * @param actual        the version compared
     * @param known         which of some ids the event store knows as aggregates
     * @param appendedLater whether the event store has events of this aggregate after the fold's end
     */
    static ViewCheckReport.ViewResult compare(String view, String store, Consumer<Consumer<List<String>>> aggregateIds,
                                              DocumentSource expected, DocumentSource actual,
                                              Function<Collection<String>, Set<String>> known,
                                              Predicate<String> appendedLater) {
        ViewComparison comparison = new ViewComparison();
        long stored = actual.count();
        aggregateIds.accept(ids -> comparison.compare(ids, expected.find(ids), actual.find(ids), appendedLater));
        if (stored > comparison.documents) {
            for (Iterator<List<Snapshot>> batches = actual.batches(); batches.hasNext(); ) {
                List<Snapshot> batch = batches.next();
                Set<String> aggregates = known.apply(batch.stream().map(Snapshot::id).toList());
                batch.stream().filter(found -> !aggregates.contains(found.id())).forEach(comparison::unexpected);
            }
        }
        return new ViewCheckReport.ViewResult(view, store, comparison.documents, comparison.missing,
                comparison.unexpected, comparison.behind, comparison.different,
                comparison.missing + comparison.unexpected + comparison.behind + comparison.different == 0,
                List.copyOf(comparison.examples));
    }

    private void compare(List<String> ids, Map<String, Snapshot> expected, Map<String, Snapshot> actual,
                         Predicate<String> appendedLater) {
        for (String id : ids) {
            Snapshot wanted = expected.get(id);
            Snapshot found = actual.get(id);
            if (found != null) {
                documents++;
            }
            if (wanted == null) {
                if (found != null && !appendedLater.test(id)) {
                    // The fold refused this aggregate's first event (as the live projection dead-letters it).
                    unexpectedByFold(found);
                }
            } else if (found == null) {
                missing++;
                example(id + ": missing (expected version " + wanted.version() + ")");
            } else if (found.version() < wanted.version()) {
                behind++;
                example(id + ": behind, version " + found.version() + " of " + wanted.version());
            } else if (found.version() == wanted.version() && !found.content().equals(wanted.content())) {
                different++;
                example(id + ": differs at version " + found.version() + ", expected " + wanted.content()
                        + " but found " + found.content());
            }
        }
    }

    private void unexpectedByFold(Snapshot found) {
        unexpected++;
        example(found.id() + ": not in the fold of the event store (view has version " + found.version() + ")");
    }

    private void unexpected(Snapshot found) {
        documents++;
        unexpected++;
        example(found.id() + ": not in the event store (view has version " + found.version() + ")");
    }

    private void example(String text) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(text);
        }
    }
}
