package io.tributary.projections;

import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;

/**
 * Folds events into one view version. Idempotent per event: applying an event the view already reflects
 * changes nothing, so the same projection serves live consumption and replays.
 */
public interface Projection {

    /** Stable name, also the Kafka consumer group and the metrics tag. */
    String name();

    /** @throws io.tributary.projections.envelope.UnreadableEventException for an event this projection cannot take */
    WriteOutcome apply(EventEnvelope event);
}
