package io.tributary.projections.progress;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.projections.Projection;
import io.tributary.projections.ProjectionMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far behind each projection is, refreshed periodically: records not yet processed (from the consumer
 * group's committed offsets) and seconds behind (how old the newest applied event is while records wait; 0 when
 * none wait). Exported as gauges and through the {@code projections} actuator endpoint, and judged by readiness.
 */
public class ProjectionProgress {

    static final String LAG_EVENTS = "tributary.projection.lag.events";
    static final String LAG_SECONDS = "tributary.projection.lag.seconds";

    private static final Logger log = LoggerFactory.getLogger(ProjectionProgress.class);

    private final List<String> projections;
    private final ProjectionMetrics metrics;
    private final ConsumerLag lag;
    private final Clock clock;
    private final ViewLagReadiness readiness;
    private final Map<String, Long> recordsBehind = new ConcurrentHashMap<>();

    ProjectionProgress(List<Projection> projections, ProjectionMetrics metrics, ConsumerLag lag, Clock clock,
                       ViewLagReadiness readiness, MeterRegistry registry) {
        // Names are consumer groups; the notifications' two projections share one.
        this.projections = projections.stream().map(Projection::name).distinct().toList();
        this.metrics = metrics;
        this.lag = lag;
        this.clock = clock;
        this.readiness = readiness;
        for (String projection : this.projections) {
            Gauge.builder(LAG_EVENTS, () -> recordsBehind.getOrDefault(projection, -1L))
                    .description("Records the projection has yet to process; -1 while unknown")
                    .tag("projection", projection)
                    .register(registry);
            Gauge.builder(LAG_SECONDS, () -> secondsBehind(projection))
                    .description("Age of the newest applied event while records wait; 0 when caught up, -1 while unknown")
                    .tag("projection", projection)
                    .register(registry);
        }
    }

    @Scheduled(fixedDelayString = "${tributary.projections.lag-interval}", initialDelayString = "${tributary.projections.lag-interval}")
    public void refresh() {
        for (String projection : projections) {
            try {
                recordsBehind.put(projection, lag.recordsBehind(projection));
            } catch (ConsumerLag.LagUnknownException e) {
                recordsBehind.remove(projection);
                log.debug("{}", e.getMessage());
            }
        }
        readiness.update(snapshot());
    }

    /** One entry per projection, in a stable order. */
    public Map<String, Snapshot> snapshot() {
        Map<String, Snapshot> snapshot = new LinkedHashMap<>();
        for (String projection : projections) {
            snapshot.put(projection, new Snapshot(metrics.position(projection),
                    metrics.lastEventTime(projection).orElse(null),
                    recordsBehind.getOrDefault(projection, -1L), secondsBehind(projection)));
        }
        return snapshot;
    }

    private double secondsBehind(String projection) {
        Long behind = recordsBehind.get(projection);
        if (behind == null) {
            return -1;
        }
        if (behind == 0) {
            return 0;
        }
        return metrics.lastEventTime(projection)
                .map(newest -> Math.max(0, Duration.between(newest, clock.instant()).toMillis() / 1000.0))
                .orElse(-1.0);
    }

    /**
     * @param position       highest global event-store position applied since this process started; -1 before the first
     * @param lastEventTime  when the newest applied event was recorded
     * @param eventsBehind   records not yet processed; -1 while unknown
     * @param secondsBehind  0 when caught up; -1 while unknown
     */
    public record Snapshot(long position, Instant lastEventTime, long eventsBehind, double secondsBehind) {
    }
}
