package io.tributary.projections.view;

import io.tributary.projections.envelope.EventEnvelope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * A run of events applied to a view with one bulk read and one bulk write: the documents the events belong to are
 * read at once, the events are folded into them in memory through the projection's own code, following the
 * sequence rule, and each changed document is written once, guarded against a concurrent writer by the version it
 * was read at. A document the guard refuses is read and folded again.
 *
 * <p>Stops at the first event that cannot be applied; the documents changed by the events before it are still
 * written, so that everything before it can be acknowledged.
 *
 * @param <D> the stored form of a document
 */
abstract class DocumentBatch<D> {

    /** A stored document and the version it holds. */
    record Stored<D>(D document, long version) {
    }

    /** What a bulk write did with each changed document; those not named were written. */
    record Written(Set<String> conflicted, Set<String> notNewer, Map<String, RuntimeException> failed) {

        static Written allFailed(Collection<? extends Entry<?>> entries, RuntimeException failure) {
            Map<String, RuntimeException> failed = new LinkedHashMap<>();
            entries.forEach(entry -> failed.put(entry.id, failure));
            return new Written(Set.of(), Set.of(), failed);
        }
    }

    /** A document of the batch: as stored (or known absent), then as the batch's events leave it. */
    static final class Entry<D> {
        final String id;
        /** The version the store held when read, 0 when absent: the guard of the write. */
        final long storedVersion;
        D document;
        long version;
        /** Indices of the events that changed it, in order. */
        final List<Integer> changes = new ArrayList<>();
        /** Whether it was taken from the documents this view object wrote, rather than read from the store. */
        boolean remembered;

        Entry(String id, Stored<D> stored) {
            this.id = id;
            this.storedVersion = stored == null ? 0 : stored.version();
            this.document = stored == null ? null : stored.document();
            this.version = storedVersion;
        }

        boolean changed() {
            return !changes.isEmpty();
        }

        int firstChange() {
            return changes.getFirst();
        }
    }

    final ViewVersion view;
    private RecentDocuments<D> recent;
    private Map<String, Entry<D>> entries = Map.of();
    private int current;

    DocumentBatch(ViewVersion view) {
        this.view = view;
    }

    /**
     * Whether writing a document read as absent, whose events here take it from its first event ever to
     * {@code version}, fails as a conflict when the store has it after all: then such a document is not read, and
     * the next pass reads it only if the write says so.
     */
    abstract boolean writeRefusesExisting(long version);

    /** Reads documents this view object wrote from {@code documents} instead of the store. */
    void remembering(RecentDocuments<D> documents) {
        this.recent = documents;
    }

    /** The stored documents among {@code ids}, by id; absent ones are left out. */
    abstract Map<String, Stored<D>> read(Collection<String> ids);

    /** Writes each changed entry's document at its version, guarded by its stored version. */
    abstract Written write(List<Entry<D>> changed);

    /**
     * Writes the entry's document at its version over whatever is stored, unless the store holds it at a newer
     * version; returns whether it was written.
     */
    abstract boolean overwrite(Entry<D> entry);

    /**
     * Folds {@code stream}, one aggregate's events from its first, into its document afresh (nothing read) and writes
     * the result over the stored document, which may be damaged, unless that is at a newer version already.
     *
     * @return {@link WriteOutcome#ALREADY_APPLIED} when the store held a newer version, so nothing was written
     */
    WriteOutcome replace(List<EventEnvelope> stream, Function<EventEnvelope, WriteOutcome> projection) {
        String id = stream.getFirst().subject();
        entries = Map.of(id, new Entry<>(id, null));
        try {
            for (int i = 0; i < stream.size(); i++) {
                current = i;
                projection.apply(stream.get(i));
            }
            Entry<D> entry = entries.get(id);
            return entry.changed() && overwrite(entry) ? WriteOutcome.APPLIED : WriteOutcome.ALREADY_APPLIED;
        } finally {
            entries = Map.of();
        }
    }

    /**
     * @param projection applies one event; its writes to this batch's view go to {@link #create} and
     *                   {@link #update}
     */
    BatchResult run(List<EventEnvelope> events, Function<EventEnvelope, WriteOutcome> projection) {
        WriteOutcome[] outcomes = new WriteOutcome[events.size()];
        int end = events.size();
        RuntimeException failure = null;
        List<Integer> pending = IntStream.range(0, end).boxed().toList();
        boolean firstPass = true;
        while (!pending.isEmpty()) {
            try {
                entries = load(events, pending, firstPass);
            } catch (RuntimeException e) {
                end = pending.getFirst();
                failure = e;
                break;
            }
            for (int i : pending) {
                current = i;
                try {
                    outcomes[i] = projection.apply(events.get(i));
                } catch (RuntimeException e) {
                    end = i;
                    failure = e;
                    break;
                }
            }
            List<Entry<D>> changed = entries.values().stream().filter(Entry::changed).toList();
            Written written;
            try {
                written = changed.isEmpty() ? new Written(Set.of(), Set.of(), Map.of()) : write(changed);
            } catch (RuntimeException e) {
                written = Written.allFailed(changed, e);
            }
            for (Map.Entry<String, RuntimeException> failed : written.failed().entrySet()) {
                int first = entries.get(failed.getKey()).firstChange();
                if (first < end) {
                    end = first;
                    failure = failed.getValue();
                }
            }
            remember(changed, written);
            for (String id : written.notNewer()) {
                for (int i : entries.get(id).changes) {
                    outcomes[i] = WriteOutcome.ALREADY_APPLIED;
                }
            }
            List<Integer> conflicted = new ArrayList<>();
            for (int i : pending) {
                if (i < end && written.conflicted().contains(events.get(i).subject())) {
                    conflicted.add(i);
                }
            }
            pending = conflicted;
            firstPass = false;
        }
        entries = Map.of();
        return new BatchResult(Arrays.asList(outcomes).subList(0, end), failure);
    }

    private void remember(List<Entry<D>> changed, Written written) {
        if (recent == null) {
            return;
        }
        for (Entry<D> entry : changed) {
            if (written.conflicted().contains(entry.id) || written.notNewer().contains(entry.id)
                    || written.failed().containsKey(entry.id)) {
                recent.forget(entry.id);
            } else {
                recent.written(entry.id, entry.document, entry.version);
            }
        }
    }

    /**
     * On the first pass, a document whose first event here is its first event ever may be assumed absent, which saves
     * reading it; if it exists after all, the guarded write says so and the next pass reads it.
     */
    private Map<String, Entry<D>> load(List<EventEnvelope> events, List<Integer> pending, boolean firstPass) {
        Map<String, EventEnvelope> firstEvents = new LinkedHashMap<>();
        Map<String, Long> lastVersions = new HashMap<>();
        for (int i : pending) {
            EventEnvelope event = events.get(i);
            firstEvents.putIfAbsent(event.subject(), event);
            lastVersions.merge(event.subject(), event.aggregateVersion(), Math::max);
        }
        Set<String> toRead = new HashSet<>();
        firstEvents.forEach((id, first) -> {
            if (!firstPass || first.aggregateVersion() != 1 || !writeRefusesExisting(lastVersions.get(id))) {
                toRead.add(id);
            }
        });
        Map<String, Stored<D>> remembered = new HashMap<>();
        if (recent != null && firstPass) {
            // A later pass follows a conflict: another writer was here, so the store is asked.
            for (String id : toRead) {
                Stored<D> document = recent.get(id);
                if (document != null) {
                    remembered.put(id, document);
                }
            }
            toRead.removeAll(remembered.keySet());
        }
        Map<String, Stored<D>> stored = new HashMap<>(remembered);
        if (!toRead.isEmpty()) {
            stored.putAll(read(toRead));
        }
        Map<String, Entry<D>> loaded = new LinkedHashMap<>();
        firstEvents.keySet().forEach(id -> {
            Entry<D> entry = new Entry<>(id, stored.get(id));
            entry.remembered = remembered.containsKey(id);
            loaded.put(id, entry);
        });
        return loaded;
    }

    /** The aggregate's first event: {@code document} becomes the document, unless the view has it already. */
    WriteOutcome create(String id, EventEnvelope event, Supplier<D> document) {
        SequenceRule.requireFirst(event);
        Entry<D> entry = entry(id);
        if (entry.version > 0) {
            return WriteOutcome.ALREADY_APPLIED;
        }
        return changed(entry, event, document.get());
    }

    /**
     * A following event: {@code change} (which must leave its argument alone) makes the new document from the
     * current one, if the document is at the event's predecessor.
     *
     * @throws EventGapException if the document is at an older version, or absent
     */
    WriteOutcome update(String id, EventEnvelope event, UnaryOperator<D> change) {
        SequenceRule.requireFollowing(event);
        Entry<D> entry = entry(id);
        if (!SequenceRule.follows(event, entry.version)) {
            if (entry.remembered && entry.version < event.aggregateVersion()) {
                // Another writer moved the document on while this one was not looking: its retry reads the store.
                recent.forget(id);
            }
            return SequenceRule.notFollowing(view, id, event, entry.version);
        }
        return changed(entry, event, change.apply(entry.document));
    }

    private WriteOutcome changed(Entry<D> entry, EventEnvelope event, D document) {
        entry.document = document;
        entry.version = event.aggregateVersion();
        entry.changes.add(current);
        return WriteOutcome.APPLIED;
    }

    private Entry<D> entry(String id) {
        Entry<D> entry = entries.get(id);
        if (entry == null) {
            throw new IllegalStateException(view + " got a write of " + id + ", which is no event's subject here");
        }
        return entry;
    }
}
