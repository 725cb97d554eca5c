package io.tributary.projections.view;

import io.tributary.events.AggregateType;
import io.tributary.projections.AggregateProjection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A view as a series of versions side by side in one store ({@code users_v1}, {@code users_v2}, …), all written
 * by the same projection code; readers use the one their name points at (a registry entry, an alias). This is
 * what lets a rebuild fill a new version while the active one keeps serving, and switch readers in one step.
 */
public abstract sealed class VersionedView permits MongoVersionedView, SearchVersionedView {

    /**
     * Documents each live version keeps as it wrote them, so a batch does not read back what the last ones wrote
     * (for Elasticsearch such a read forces a refresh of the shard): two polls' worth, enough for an aggregate whose
     * next events follow within a poll or two, as an order's do from its saga. A remembered document costs about
     * 2 KB of heap: at 10,000 per view, the six document views still held 60,000 of them once the load was over,
     * about 110 MB, and with every view catching up at once they took a good part of the 384 MB heap that the
     * service then spent in back-to-back full collections. Per view and version; the version guard of every write
     * catches a document another writer changed meanwhile.
     */
    private static final int LIVE_REMEMBERED = 2_000;

    private final ViewVersion initial;
    private final Map<Integer, AggregateProjection<?, ?>> projections = new ConcurrentHashMap<>();

    VersionedView(ViewVersion initial) {
        this.initial = initial;
    }

    /** The projection's name (e.g. {@code users-mongo-view}): the key of its state, its consumer group. */
    public String name() {
        return projection(initial.version()).name();
    }

    /** The name readers know the view by, e.g. {@code users}. */
    public String readerName() {
        return initial.name();
    }

    /** {@code mongodb} or {@code elasticsearch}. */
    public abstract String store();

    /** The version a view starts with before any rebuild. */
    public int initialVersion() {
        return initial.version();
    }

    public AggregateType aggregateType() {
        return projection(initial.version()).aggregateType();
    }

    public ViewVersion version(int version) {
        return new ViewVersion(initial.name(), version);
    }

    /** The projection that writes {@code version} live, one per version for the life of the service. */
    public AggregateProjection<?, ?> projection(int version) {
        return projections.computeIfAbsent(version, number -> rememberingProjection(number, LIVE_REMEMBERED));
    }

    /**
     * A projection of its own for {@code version} that keeps the last {@code remembered} documents it wrote in memory
     * instead of reading them back, such as a rebuild's while it fills the version.
     */
    public AggregateProjection<?, ?> rememberingProjection(int version, int remembered) {
        AggregateProjection<?, ?> projection = projectionOf(version(version));
        projection.view().rememberWrites(remembered);
        return projection;
    }

    /** A projection writing {@code version}, which may be a scratch version under another name. */
    public abstract AggregateProjection<?, ?> projectionOf(ViewVersion version);

    /** Creates what {@code version} needs (collection indices, the index) if it does not exist yet. */
    public abstract void create(int version);

    /** Points readers at {@code version}, in one atomic step of the store. */
    public abstract void pointReadersAt(int version);

    /** Points readers at {@code version} unless they are pointed at some version already (first start). */
    public abstract void pointReadersIfUnset(int version);

    /** Drops {@code version} and everything in it. */
    public void drop(int version) {
        projections.remove(version);
        dropStored(version(version));
    }

    abstract void dropStored(ViewVersion version);

    /**
     * Prepares {@code version} for a bulk fill, or returns it to normal service afterwards; for stores where that
     * changes nothing, a no-op.
     */
    public void bulkLoading(int version, boolean loading) {
    }
}
