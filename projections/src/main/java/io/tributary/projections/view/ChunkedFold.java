package io.tributary.projections.view;

import io.tributary.events.EventCatalog;
import io.tributary.events.EventDescriptor;
import io.tributary.projections.AggregateProjection;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.envelope.UnreadableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Folds a stream of events (the event store read in order) into one view version through its projection, a chunk at
 * a time: one bulk read and one bulk write per chunk, so memory stays bounded by the chunk. Events of other
 * aggregate types are passed over. An event the projection refuses (unreadable, or following a refused one) is
 * skipped and counted, as the live projection dead-letters it; while the store is unavailable the chunk waits.
 */
public final class ChunkedFold implements Consumer<EventEnvelope> {

    private static final Logger log = LoggerFactory.getLogger(ChunkedFold.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final AggregateProjection<?, ?> projection;
    private final int chunkSize;
    private final Consumer<List<EventEnvelope>> afterChunk;
    private final List<EventEnvelope> chunk;
    private long folded;
    private long refused;

    /** @param afterChunk told of every chunk once it is written, e.g. to record a checkpoint */
    public ChunkedFold(AggregateProjection<?, ?> projection, int chunkSize, Consumer<List<EventEnvelope>> afterChunk) {
        this.projection = projection;
        this.chunkSize = chunkSize;
        this.afterChunk = afterChunk;
        this.chunk = new ArrayList<>(chunkSize);
    }

    public ChunkedFold(AggregateProjection<?, ?> projection, int chunkSize) {
        this(projection, chunkSize, written -> {
        });
    }

    @Override
    public void accept(EventEnvelope event) {
        if (EventCatalog.byCloudEventType(event.type()).map(EventDescriptor::aggregateType).orElse(null)
                != projection.aggregateType()) {
            return;
        }
        chunk.add(event);
        if (chunk.size() >= chunkSize) {
            flush();
        }
    }

    /** Writes what is buffered; call once the stream has ended. */
    public void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        List<EventEnvelope> rest = chunk;
        Duration pause = FIRST_PAUSE;
        while (!rest.isEmpty()) {
            BatchResult result = projection.applyAll(rest);
            RuntimeException failure = result.failure();
            if (failure == null) {
                break;
            }
            if (failure instanceof ViewStoreUnavailableException) {
                log.warn("{} waits {} for its store: {}", projection.view().version(), pause, failure.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                rest = rest.subList(result.failedIndex(), rest.size());
            } else if (failure instanceof UnreadableEventException || failure instanceof EventGapException) {
                EventEnvelope skipped = rest.get(result.failedIndex());
                refused++;
                log.warn("{} refuses {} version {} of {}: {}", projection.view().version(), skipped.type(),
                        skipped.aggregateVersion(), skipped.subject(), failure.getMessage());
                rest = rest.subList(result.failedIndex() + 1, rest.size());
            } else {
                throw failure;
            }
        }
        folded += chunk.size();
        afterChunk.accept(List.copyOf(chunk));
        chunk.clear();
    }

    /** Events of the projection's aggregate type written so far, refused ones included. */
    public long folded() {
        return folded;
    }

    /** Events the projection refused. */
    public long refused() {
        return refused;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the view store", e);
        }
    }
}
