package io.tributary.projections.cli;

import java.util.List;

/**
 * A view as the service's {@code views} endpoint reports it, with only the fields the CLI shows. The client reads
 * it leniently (unknown fields ignored, missing ones null or zero), so the CLI and the service need not be
 * released together.
 *
 * @param previous     the version a rollback switches back to, or null
 * @param eventsBehind records the live projection has yet to process; null or -1 while the service does not know
 * @param rebuild  the rebuild in progress (or failed), or null
 */
record ViewReport(String name, String store, int active, Integer previous, List<Integer> versions, long position,
                  Long eventsBehind,
                  Rebuild rebuild) {

    ViewReport {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /**
     * @param version    the version being built
     * @param phase      {@code filling}, {@code handing-over}, {@code verifying} or
     *                   {@code failed}
     * @param total      the events to fill in, 0 when not known yet
     * @param etaSeconds null when the service cannot estimate it yet
     * @param message    why it failed, or null
     */
    record Rebuild(int version, String phase, long done, long total, double eventsPerSecond, Long etaSeconds,
                   String message) {

        Rebuild {
            phase = phase == null ? "rebuilding" : phase;
        }

        boolean failed() {
            return "failed".equals(phase);
        }
    }
}
