package io.tributary.projections.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The progress of the rebuilds this instance runs, as gauges per view: events applied and expected, events per
 * second, and the estimated seconds left (all 0 while none runs).
 */
class RebuildProgress {

    static final String DONE = "tributary.view.rebuild.applied";
    static final String TOTAL = "tributary.view.rebuild.expected";
    static final String RATE = "tributary.view.rebuild.rate";
    static final String ETA = "tributary.view.rebuild.eta";

    private final MeterRegistry registry;
    private final Map<String, ViewState.Rebuild> running = new ConcurrentHashMap<>();

    RebuildProgress(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(String view) {
        gauge(DONE, "Events a rebuild of the view has applied", null, view, ViewState.Rebuild::done);
        gauge(TOTAL, "Events of the view's aggregate type up to the head the rebuild reads to", null, view,
                ViewState.Rebuild::total);
        gauge(RATE, "Events per second the rebuild applies", null, view, ViewState.Rebuild::eventsPerSecond);
        gauge(ETA, "Estimated time until the rebuild has read up to the head", "seconds", view,
                rebuild -> etaSeconds(rebuild));
    }

    void update(String view, ViewState.Rebuild rebuild) {
        running.put(view, rebuild);
    }

    void finished(String view) {
        running.remove(view);
    }

    /** Seconds until {@code rebuild} reaches its total at its current rate; 0 when unknown. */
    static long etaSeconds(ViewState.Rebuild rebuild) {
        if (rebuild.eventsPerSecond() <= 0) {
            return 0;
        }
        return Math.round(Math.max(rebuild.total() - rebuild.done(), 0) / rebuild.eventsPerSecond());
    }

    private void gauge(String name, String description, String unit, String view,
                       ToDoubleFunction<ViewState.Rebuild> value) {
        Gauge.builder(name, running, rebuilds -> {
                    ViewState.Rebuild rebuild = rebuilds.get(view);
                    return rebuild == null ? 0 : value.applyAsDouble(rebuild);
                })
                .description(description)
                .baseUnit(unit)
                .tag("view", view)
                .register(registry);
    }
}
