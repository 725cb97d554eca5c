package io.tributary.projections.check;

import java.util.List;

/**
 * The outcome of comparing every view with a fresh fold of the event store up to {@code eventStorePosition}.
 *
 * @param refusedEvents events a projection refused during the fold (the live projection dead-letters those)
 * @param consistent    true when no view has any difference
 */
public record ViewCheckReport(long eventStorePosition, long events, long refusedEvents, boolean consistent,
                              List<ViewResult> views) {

    static ViewCheckReport of(long eventStorePosition, long events, long refusedEvents, List<ViewResult> views) {
        return new ViewCheckReport(eventStorePosition, events, refusedEvents,
                views.stream().allMatch(ViewResult::consistent), views);
    }

    /**
     * @param documents  documents the live view holds
     * @param missing    documents the event store implies but the view lacks
     * @param unexpected documents the view holds for aggregates the event store does not know
     * @param behind     documents at an older version than the event store implies
     * @param different  documents at the right version with other content
     * @param examples   the first differences, for a human
     */
    public record ViewResult(String view, String store, long documents, long missing, long unexpected, long behind,
                             long different, boolean consistent, List<String> examples) {
    }
}
