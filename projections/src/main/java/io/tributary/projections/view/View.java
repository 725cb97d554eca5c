package io.tributary.projections.view;

/** A physical view version in some store, which may need creating before the first write. */
public interface View {

    ViewVersion version();

    /**
     * Creates what the view needs (collection registration, index, alias) if it does not exist yet. Idempotent,
     * also when several instances call it at once; cheap after the first success.
     *
     * @throws ViewStoreUnavailableException while the store cannot be reached
     */
    void ensureReady();
}
