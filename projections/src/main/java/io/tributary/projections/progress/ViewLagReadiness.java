package io.tributary.projections.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the views keep up, a part of readiness: a view further behind than the limit (in seconds behind, as the
 * lag gauges say) at two lag checks in a row makes the service not ready, until every such view is back within half
 * the limit. One check is not enough because the first record after a quiet spell, caught waiting, makes the newest
 * applied event as old as the quiet spell. A lag Kafka does not tell changes nothing, as Kafka is not part of
 * readiness; nor do the notifications, which are not a view: mail waiting for its server never takes the service out.
 */
class ViewLagReadiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ViewLagReadiness.class);
    private static final int CHECKS_BEYOND = 2;

    private final List<String> views;
    private final Duration limit;
    /** Per view, the checks in a row that found it beyond the limit; only the lag refresh touches it. */
    private final Map<String, Integer> checksBeyond = new HashMap<>();
    /** The views that hold the service out of readiness, with their lag when last known. */
    private volatile Map<String, ProjectionProgress.Snapshot> behind = Map.of();

    ViewLagReadiness(Collection<String> views, Duration limit) {
        this.views = List.copyOf(views);
        this.limit = limit;
    }

    /** Called with every lag refresh. */
    synchronized void update(Map<String, ProjectionProgress.Snapshot> progress) {
        double limitSeconds = limit.toMillis() / 1000.0;
        Map<String, ProjectionProgress.Snapshot> next = new LinkedHashMap<>();
        for (String view : views) {
            ProjectionProgress.Snapshot lag = progress.get(view);
            ProjectionProgress.Snapshot known = behind.get(view);
            if (lag == null || lag.secondsBehind() < 0) {
                if (known != null) {
                    next.put(view, known);
                }
                continue;
            }
            int beyond = lag.secondsBehind() > limitSeconds ? checksBeyond.merge(view, 1, Integer::sum) : 0;
            checksBeyond.put(view, beyond);
            boolean stillBehind = known != null && lag.secondsBehind() > limitSeconds / 2;
            if (stillBehind || beyond >= CHECKS_BEYOND) {
                next.put(view, lag);
            }
        }
        if (!next.keySet().equals(behind.keySet())) {
            if (next.isEmpty()) {
                log.info("Every view is within {} s of the newest event again: ready", limit.toSeconds());
            } else {
                log.warn("Not ready while views are more than {} s behind: {}", limit.toSeconds(), next.keySet());
            }
        }
        behind = Collections.unmodifiableMap(next);
    }

    @Override
    public Health health() {
        Map<String, ProjectionProgress.Snapshot> lagging = behind;
        Health.Builder health = lagging.isEmpty() ? Health.up() : Health.outOfService();
        health.withDetail("limitSeconds", limit.toMillis() / 1000.0);
        lagging.forEach((view, lag) -> health.withDetail(view,
                Map.of("secondsBehind", lag.secondsBehind(), "eventsBehind", lag.eventsBehind())));
        return health.build();
    }
}
