package io.tributary.bench.system;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projections' own account of how stale their views are: the histogram {@code tributary_projection_delay_seconds}
 * (from an event's recording to the projection having applied it), read from their Prometheus endpoint. Two
 * snapshots give the delays of the events applied between them.
 */
public final class ViewDelays {

    private static final Pattern BUCKET = Pattern.compile(
            "^tributary_projection_delay_seconds_bucket\\{(.*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern PROJECTION = Pattern.compile("projection=\"([^\"]*)\"");
    private static final Pattern BOUND = Pattern.compile("le=\"([^\"]*)\"");

    /** Per projection, the cumulative count of each bucket by its upper bound in seconds (+Inf last). */
    public record Snapshot(Map<String, NavigableMap<Double, Double>> buckets) {

        /** Empty when the projections did not answer (the figures that need it are then left out). */
        public static Optional<Snapshot> take(Api api, String projectionsUrl) {
            Api.Answer answer = api.get(projectionsUrl + "/actuator/prometheus");
            return answer.ok() ? Optional.of(parse(answer.body())) : Optional.empty();
        }

        static Snapshot parse(String prometheus) {
            Map<String, NavigableMap<Double, Double>> buckets = new HashMap<>();
            Matcher bucket = BUCKET.matcher(prometheus);
            while (bucket.find()) {
                Matcher projection = PROJECTION.matcher(bucket.group(1));
                Matcher bound = BOUND.matcher(bucket.group(1));
                if (projection.find() && bound.find()) {
                    buckets.computeIfAbsent(projection.group(1), name -> new TreeMap<>())
                            .put(Double.parseDouble(bound.group(1).replace("+Inf", "Infinity")),
                                    Double.parseDouble(bucket.group(2)));
                }
            }
            return new Snapshot(buckets);
        }
    }

    /** What one projection applied between two snapshots. */
    public record Interval(long events, NavigableMap<Double, Double> cumulative) {

        public static Interval between(Snapshot before, Snapshot after, String projection) {
            NavigableMap<Double, Double> earlier = before.buckets().getOrDefault(projection, new TreeMap<>());
            NavigableMap<Double, Double> cumulative = new TreeMap<>();
            after.buckets().getOrDefault(projection, new TreeMap<>()).forEach((bound, count) ->
                    cumulative.put(bound, count - earlier.getOrDefault(bound, 0.0)));
            return new Interval(cumulative.isEmpty() ? 0 : Math.round(cumulative.lastEntry().getValue()), cumulative);
        }

        /**
         * The delay in ms below which {@code percent} of the events were applied, estimated as Prometheus's
         * {@code histogram_quantile} does: linearly within the bucket that holds it. NaN without events.
         */
        public double percentile(double percent) {
            if (events == 0) {
                return Double.NaN;
            }
            double rank = events * percent / 100;
            double lower = 0;
            double below = 0;
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= rank) {
                    if (bucket.getKey().isInfinite()) {
                        return lower * 1000;
                    }
                    double inBucket = bucket.getValue() - below;
                    double share = inBucket == 0 ? 1 : (rank - below) / inBucket;
                    return (lower + (bucket.getKey() - lower) * share) * 1000;
                }
                lower = bucket.getKey();
                below = bucket.getValue();
            }
            return lower * 1000;
        }
    }

    /**
     * The view (not the e-mail notifications) whose 99th percentile of the events it applied between the snapshots was
     * the highest, with its interval; empty when no view applied any.
     */
    public static Optional<Map.Entry<String, Interval>> slowestView(Snapshot before, Snapshot after) {
        return after.buckets().keySet().stream()
                .filter(ViewLag::isView)
                .map(projection -> Map.entry(projection, Interval.between(before, after, projection)))
                .filter(view -> view.getValue().events() > 0)
                .max(Comparator.comparingDouble(view -> view.getValue().percentile(99)));
    }

    private ViewDelays() {
    }
}
