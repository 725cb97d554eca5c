package io.tributary.projections.check;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The documents of one view version, as the check reads them: all of them a batch at a time, or some by id. */
interface DocumentSource {

    /** Every document, a batch at a time, in no particular order. */
    Iterator<List<Snapshot>> batches();

    /** The documents with these ids that exist, by id. */
    Map<String, Snapshot> find(Collection<String> ids);

    long count();
}
