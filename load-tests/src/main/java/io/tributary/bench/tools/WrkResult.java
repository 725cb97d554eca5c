package io.tributary.bench.tools;

import java.util.Locale;

/**
 * What one wrk run measured. Errors are socket errors plus answers outside 2xx/3xx.
 */
public record WrkResult(long requests, double seconds, double p50Millis, double p99Millis, double maxMillis,
                        long errors) {

    public double perSecond() {
        return seconds == 0 ? Double.NaN : requests / seconds;
    }

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    public String latencies() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.0f ms%s", p50Millis, p99Millis, maxMillis,
                errors == 0 ? "" : String.format(Locale.ROOT, ", %d errors (%.2f %%)", errors, 100 * errorRate()));
    }
}
