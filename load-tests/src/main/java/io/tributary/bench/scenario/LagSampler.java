package io.tributary.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.bench.system.Api;
import io.tributary.bench.system.ViewLag;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples the views' lag once a second while a load runs: the largest number of records any view has yet to
 * process (from Kafka) and the largest {@code secondsBehind} the projections themselves report. The e-mail
 * notifications are left out of both: they are no view a read waits for.
 */
final class LagSampler implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long maxRecords;
    private volatile double maxSeconds = Double.NaN;

    LagSampler(ViewLag lag, Api api, String projectionsUrl) {
        thread = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                try {
                    maxRecords = Math.max(maxRecords, lag.largestBehind());
                } catch (RuntimeException e) {
                    // a missed sample; the next one counts
                }
                Api.Answer answer = api.get(projectionsUrl + "/actuator/projections");
                if (answer.ok()) {
                    for (Map.Entry<String, JsonNode> projection : answer.json().properties()) {
                        if (!ViewLag.isView(projection.getKey())) {
                            continue;
                        }
                        double seconds = projection.getValue().path("secondsBehind").asDouble(Double.NaN);
                        if (!Double.isNaN(seconds)) {
                            maxSeconds = Double.isNaN(maxSeconds) ? seconds : Math.max(maxSeconds, seconds);
                        }
                    }
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    long maxRecords() {
        return maxRecords;
    }

    /** NaN when the projections did not report it. */
    double maxSeconds() {
        return maxSeconds;
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
