package io.tributary.bench.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ViewDelaysTest {

    private static final String BEFORE = """
            # HELP tributary_projection_delay_seconds From an event's recording by the command API to the projection having applied it
            # TYPE tributary_projection_delay_seconds histogram
            tributary_projection_delay_seconds_bucket{application="projections",projection="users-mongo-view",le="0.01"} 5
            tributary_projection_delay_seconds_bucket{application="projections",projection="users-mongo-view",le="0.02"} 5
            tributary_projection_delay_seconds_bucket{application="projections",projection="users-mongo-view",le="0.04"} 5
            tributary_projection_delay_seconds_bucket{application="projections",projection="users-mongo-view",le="+Inf"} 5
            tributary_projection_delay_seconds_count{application="projections",projection="users-mongo-view"} 5
            tributary_projection_position{application="projections",projection="users-mongo-view"} 12.0
            """;

    private static final String AFTER = """
            tributary_projection_delay_seconds_bucket{application="projections",projection="users-mongo-view",le="0.01"} 15
            tributary_projection_delay_seconds_bucket{application="projections",projection="users-mongo-view",le="0.02"} 95
            tributary_projection_delay_seconds_bucket{application="projections",projection="users-mongo-view",le="0.04"} 104
            tributary_projection_delay_seconds_bucket{application="projections",projection="users-mongo-view",le="+Inf"} 105
            tributary_projection_delay_seconds_bucket{application="projections",projection="orders-mongo-view",le="0.01"} 3
            tributary_projection_delay_seconds_bucket{application="projections",projection="orders-mongo-view",le="+Inf"} 3
            """;

    private final ViewDelays.Interval users = ViewDelays.Interval.between(ViewDelays.Snapshot.parse(BEFORE),
            ViewDelays.Snapshot.parse(AFTER), "users-mongo-view");

    @Test
    void onlyTheEventsAppliedBetweenTheSnapshotsCount() {
        assertThat(users.events()).isEqualTo(100);
        assertThat(ViewDelays.Interval.between(ViewDelays.Snapshot.parse(BEFORE), ViewDelays.Snapshot.parse(AFTER),
                "orders-mongo-view").events()).isEqualTo(3);
    }

    @Test
    void aPercentileIsInterpolatedWithinItsBucketAsPrometheusDoes() {
        // 10 events up to 10 ms, 80 in (10, 20] ms, 9 in (20, 40] ms, 1 beyond
        assertThat(users.percentile(10)).isCloseTo(10, within(1e-9));
        assertThat(users.percentile(50)).isCloseTo(15, within(1e-9));
        assertThat(users.percentile(95)).isCloseTo(20 + 20 * 5.0 / 9, within(1e-9));
    }

    @Test
    void aPercentileBeyondTheLastBoundIsThatBound() {
        assertThat(users.percentile(100)).isCloseTo(40, within(1e-9));
    }

    @Test
    void aProjectionWithoutEventsHasNoPercentile() {
        ViewDelays.Interval none = ViewDelays.Interval.between(ViewDelays.Snapshot.parse(BEFORE),
                ViewDelays.Snapshot.parse(BEFORE), "users-mongo-view");

        assertThat(none.events()).isZero();
        assertThat(none.percentile(50)).isNaN();
    }

    @Test
    void theSlowestViewIsTheOneWithTheHighest99thPercentileAndTheNotificationsAreNoView() {
        String notifications = """
                tributary_projection_delay_seconds_bucket{application="projections",projection="notifications",le="10.0"} 7
                tributary_projection_delay_seconds_bucket{application="projections",projection="notifications",le="+Inf"} 7
                """;

        var slowest = ViewDelays.slowestView(ViewDelays.Snapshot.parse(BEFORE),
                ViewDelays.Snapshot.parse(AFTER + notifications)).orElseThrow();

        assertThat(slowest.getKey()).isEqualTo("users-mongo-view");
        assertThat(slowest.getValue().events()).isEqualTo(100);
    }

    @Test
    void noViewIsTheSlowestWhenNoneAppliedAnyEvent() {
        assertThat(ViewDelays.slowestView(ViewDelays.Snapshot.parse(BEFORE), ViewDelays.Snapshot.parse(BEFORE)))
                .isEmpty();
    }
}
