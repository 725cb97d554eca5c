package io.tributary.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.bench.system.Api;
import io.tributary.bench.system.ViewLag;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples the views' lag once a second while a load runs: the largest number of records any view has yet to
 * process (from Kafka) and the largest {@code secondsBehind} the projections themselves report, each with the view
 * that had it. The e-mail
 * notifications are left out of both: they are no view a read waits for.
 */
final class LagSampler implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long maxRecords;
    private volatile String maxRecordsView = "";
    private volatile double maxSeconds = Double.NaN;
    private volatile String maxSecondsView = "";

    LagSampler(ViewLag lag, Api api, String projectionsUrl) {
        thread = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                try {
                    lag.mostBehind().filter(view -> view.getValue().behind() > maxRecords).ifPresent(view -> {
                        maxRecords = view.getValue().behind();
                        maxRecordsView = view.getKey();
                    });
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
                        if (!Double.isNaN(seconds) && (Double.isNaN(maxSeconds) || seconds > maxSeconds)) {
                            maxSeconds = seconds;
                            maxSecondsView = projection.getKey();
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

    /** NaN when the projections did not report it. */
    double maxSeconds() {
        return maxSeconds;
    }

    /** The largest lags and the views that had them, e.g. "19.8 s (orders-search-index) / 4,213 records (...)". */
    String describe() {
        String seconds = Double.isNaN(maxSeconds) ? "n/a s"
                : String.format(Locale.ROOT, "%.1f s (%s)", maxSeconds, maxSecondsView);
        String records = maxRecords == 0 ? "0 records"
                : String.format(Locale.ROOT, "%,d records (%s)", maxRecords, maxRecordsView);
        return seconds + " / " + records;
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
