package io.tributary.command.handling;

/** The client's {@code If-Match} version is not the aggregate's current version (HTTP 412). */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(String aggregateId, long expectedVersion, long currentVersion) {
        super("%s is at version %d, not %d".formatted(aggregateId, currentVersion, expectedVersion));
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
