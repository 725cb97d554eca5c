package io.tributary.projections.view;

/**
 * An event arrived before one of its predecessors: the view holds the aggregate at a version below the one the
 * event follows on, or not at all. Applying it would skip the missing event's changes, so the view stays where
 * it is. The missing event may still be on its way (retries), or was itself dead-lettered (then this one follows
 * it into the dead-letter topic).
 */
public class EventGapException extends RuntimeException {

    private final long eventVersion;
    private final long viewVersion;

    /** @param viewVersion the version the view holds the aggregate at, 0 when it does not hold it */
    public EventGapException(ViewVersion view, String id, long eventVersion, long viewVersion) {
        super(view + " holds " + id + (viewVersion == 0 ? " at no version" : " at version " + viewVersion)
                + ", so event " + eventVersion + " cannot follow on before event " + (viewVersion + 1));
        this.eventVersion = eventVersion;
        this.viewVersion = viewVersion;
    }

    public long eventVersion() {
        return eventVersion;
    }

    public long viewVersion() {
        return viewVersion;
    }
}
