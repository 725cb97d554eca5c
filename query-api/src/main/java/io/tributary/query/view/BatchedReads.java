package io.tributary.query.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Single-document reads of one view that arrive together go to the store as one {@code _id $in} query: while a
 * query runs, the reads arriving meanwhile wait and go together in the next (at most {@value #MAX_BATCH} ids
 * each), and reads of the same id share one. A burst of cache misses or refreshes then costs the store a few
 * queries rather than one per request, which is what kept a busy store from falling behind and timing out.
 */
final class BatchedReads<T extends Versioned> {

    private static final int MAX_BATCH = 100;

    private final Function<List<String>, Map<String, T>> readAll;
    private final Executor executor;
    private final Map<String, CompletableFuture<Optional<T>>> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean();

    /**
     * @param readAll  the documents with these ids (absent ones left out); any failure fails the reads of its batch
     * @param executor runs the queries, one at a time
     */
    BatchedReads(Function<List<String>, Map<String, T>> readAll, Executor executor) {
        this.readAll = readAll;
        this.executor = executor;
    }

    /** The document with this id, or empty when the view does not hold it; blocks until its batch was read. */
    Optional<T> read(String id) {
        CompletableFuture<Optional<T>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<T>> shared = waiting.putIfAbsent(id, mine);
        if (shared == null && reading.compareAndSet(false, true)) {
            executor.execute(this::readWaiting);
        }
        try {
            return (shared == null ? mine : shared).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** How many distinct ids wait for the next query (for tests). */
    int waitingIds() {
        return waiting.size();
    }

    private void readWaiting() {
        do {
            while (!waiting.isEmpty()) {
                Map<String, CompletableFuture<Optional<T>>> batch = new HashMap<>();
                for (String id : waiting.keySet()) {
                    CompletableFuture<Optional<T>> read = waiting.remove(id);
                    if (read != null) {
                        batch.put(id, read);
                    }
                    if (batch.size() == MAX_BATCH) {
                        break;
                    }
                }
                try {
                    Map<String, T> found = readAll.apply(new ArrayList<>(batch.keySet()));
                    batch.forEach((id, read) -> read.complete(Optional.ofNullable(found.get(id))));
                } catch (RuntimeException | Error e) {
                    // Whatever went wrong, no read may be left waiting for an answer that never comes.
                    batch.values().forEach(read -> read.completeExceptionally(e));
                }
            }
            reading.set(false);
            // A read that arrived just before the flag was cleared started no query of its own: take it along.
        } while (!waiting.isEmpty() && reading.compareAndSet(false, true));
    }
}
