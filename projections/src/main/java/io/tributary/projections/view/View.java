package io.tributary.projections.view;

import io.tributary.projections.envelope.EventEnvelope;

import java.util.List;
import java.util.function.Function;

/** A physical view version in some store, which may need creating before the first write. */
public interface View {

    ViewVersion version();

    /**
     * Creates what the version needs (collection indices, the index) if it does not exist yet. Idempotent,
     * also when several instances call it at once; cheap after the first success.
     *
     * @throws ViewStoreUnavailableException while the store cannot be reached
     */
    void ensureReady();

    /**
     * Applies {@code events} in order through {@code projection}, whose writes to this view are folded per document
     * in memory and written with one bulk read and one bulk write; stops at the first event that fails.
     */
    BatchResult applyAll(List<EventEnvelope> events, Function<EventEnvelope, WriteOutcome> projection);

    /**
     * From now on keeps the last {@code documents} documents this object writes in memory and reads them from there:
     * for a writer that is (nearly) alone on the version, such as a rebuild filling it. Another writer's change is
     * still caught by the version-guarded write, after which the document is read from the store.
     */
    void rememberWrites(int documents);

    /**
     * Repairs one document: folds {@code stream} (one aggregate's events, from its first) afresh through
     * {@code projection} and writes the result over the stored document unless that is at a newer version.
     *
     * @return {@link WriteOutcome#ALREADY_APPLIED} when the view holds a newer version, so nothing was written
     */
    WriteOutcome replace(List<EventEnvelope> stream, Function<EventEnvelope, WriteOutcome> projection);
}
