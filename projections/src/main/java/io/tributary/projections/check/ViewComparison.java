package io.tributary.projections.check;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Compares a view with its expected state (the fold of the event store) in one pass over both, each ordered by
 * id, so views of any size are compared in constant memory. A live document newer than the fold is not a
 * difference, nor is one the fold lacks because its aggregate's first event came after the fold's end: events
 * appended after the check started may already have reached the view.
 */
final class ViewComparison {

    private static final int MAX_EXAMPLES = 20;

    private long documents;
    private long missing;
    private long unexpected;
    private long behind;
    private long different;
    private final List<String> examples = new ArrayList<>();
    private final Predicate<String> appendedLater;

    private ViewComparison(Predicate<String> appendedLater) {
        this.appendedLater = appendedLater;
    }

    /** @param appendedLater whether the event store has events of this aggregate after the fold's end */
    static ViewCheckReport.ViewResult compare(String view, String store, Iterator<Snapshot> expected,
                                              Iterator<Snapshot> actual, Predicate<String> appendedLater) {
        ViewComparison comparison = new ViewComparison(appendedLater);
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
        if (appendedLater.test(found.id())) {
            return;
        }
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
