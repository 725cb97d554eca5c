package io.tributary.query.view;

/** A view document at an aggregate version: the ETag of its answer and what consistency tokens compare with. */
public interface Versioned {

    long version();
}
