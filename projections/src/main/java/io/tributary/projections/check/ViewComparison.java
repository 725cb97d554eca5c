package io.tributary.projections.check;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares a view with its expected state (the fold of the event store) in one pass over both, each ordered by
 * id, so views of any size are compared in constant memory. A live document newer than the fold is not a
 * difference: events appended after the check started may already have reached it.
 */
final class ViewComparison {

    private static final int MAX_EXAMPLES = 20;

    private long documents;
    private long missing;
    private long unexpected;
    private long behind;
    private long different;
    private final List<String> examples = new ArrayList<>();

    static ViewCheckReport.ViewResult compare(String view, String store, Iterator<Snapshot> expected,
                                              Iterator<Snapshot> actual) {
        ViewComparison comparison = new ViewComparison();
        Snapshot wanted = next(expected);
        Snapshot found = next(actual);
        while (wanted != null || found != null) {
            int order = wanted == null ? 1 : found == null ? -1 : wanted.id().compareTo(found.id());
            if (order < 0) {
                comparison.missing(wanted);
                wanted = next(expected);
            } else if (order > 0) {
                comparison.unexpected(found);
                found = next(actual);
            } else {
                comparison.both(wanted, found);
                wanted = next(expected);
                found = next(actual);
            }
        }
        return new ViewCheckReport.ViewResult(view, store, comparison.documents, comparison.missing,
                comparison.unexpected, comparison.behind, comparison.different,
                comparison.missing + comparison.unexpected + comparison.behind + comparison.different == 0,
                List.copyOf(comparison.examples));
    }

    private void missing(Snapshot wanted) {
        missing++;
        example(wanted.id() + ": missing (expected version " + wanted.version() + ")");
    }

    private void unexpected(Snapshot found) {
        documents++;
        unexpected++;
        example(found.id() + ": not in the event store (view has version " + found.version() + ")");
    }

    private void both(Snapshot wanted, Snapshot found) {
        documents++;
        if (found.version() < wanted.version()) {
            behind++;
            example(found.id() + ": behind, version " + found.version() + " of " + wanted.version());
        } else if (found.version() == wanted.version() && !found.content().equals(wanted.content())) {
            different++;
            example(found.id() + ": differs at version " + found.version() + ", expected " + wanted.content()
                    + " but found " + found.content());
        }
    }

    private void example(String text) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(text);
        }
    }

    private static Snapshot next(Iterator<Snapshot> snapshots) {
        return snapshots.hasNext() ? snapshots.next() : null;
    }
}
