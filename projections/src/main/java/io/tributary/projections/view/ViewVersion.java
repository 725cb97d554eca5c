package io.tributary.projections.view;

/**
 * One version of a view: readers know only the {@code name} (a Mongo registry entry, an Elasticsearch alias);
 * writers write one physical version, {@code <name>_v<version>}. A rebuild writes the next version beside the
 * live one and switches the name over when it has caught up.
 */
public record ViewVersion(String name, int version) {

    public ViewVersion {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("view names are lower-case identifiers: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("view versions start at 1");
        }
    }

    /** The collection or index that holds this version. */
    public String physicalName() {
        return name + "_v" + version;
    }

    @Override
    public String toString() {
        return physicalName();
    }
}
