package io.tributary.projections.view;

import io.tributary.projections.envelope.EventEnvelope;

import java.util.List;
import java.util.function.Function;

/**
 * A view whose writes, while {@link #applyAll} runs on a thread, go to that thread's open batch instead of the
 * store, so the projections' own per-event code is folded per document and written in bulk.
 *
 * @param <B> the store's batch
 */
abstract class BatchingView<B extends DocumentBatch<D>, D> implements View {

    private final ThreadLocal<B> openBatch = new ThreadLocal<>();
    private volatile RecentDocuments<D> recent;

    /** A new, empty batch of this view. */
    abstract B newBatch();

    /** The batch {@link #applyAll} has open on this thread, or null when a write is a single-event write. */
    final B openBatch() {
        return openBatch.get();
    }

    @Override
    public final void rememberWrites(int documents) {
        recent = new RecentDocuments<>(documents);
    }

    @Override
    public final WriteOutcome replace(List<EventEnvelope> stream, Function<EventEnvelope, WriteOutcome> projection) {
        ensureReady();
        B batch = newBatch();
        openBatch.set(batch);
        try {
            return batch.replace(stream, projection);
        } finally {
            openBatch.remove();
        }
    }

    @Override
    public final BatchResult applyAll(List<EventEnvelope> events, Function<EventEnvelope, WriteOutcome> projection) {
        try {
            ensureReady();
        } catch (RuntimeException e) {
            return new BatchResult(List.of(), e);
        }
        B batch = newBatch();
        RecentDocuments<D> remembered = recent;
        if (remembered != null) {
            batch.remembering(remembered);
        }
        openBatch.set(batch);
        try {
            return batch.run(events, projection);
        } finally {
            openBatch.remove();
        }
    }
}
