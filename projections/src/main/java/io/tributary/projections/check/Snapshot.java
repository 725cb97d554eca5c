package io.tributary.projections.check;

/** One document of a view as the check compares it: its id, the aggregate version it reflects, its content. */
record Snapshot(String id, long version, Object content) {
}
