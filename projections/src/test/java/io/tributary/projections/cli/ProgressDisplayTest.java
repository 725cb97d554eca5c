package io.tributary.projections.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProgressTest {

    @Test
    void lineShowsBarPercentCountsRateAndEta() {
        ViewReport.Rebuild rebuild = new ViewReport.Rebuild(2, "filling", 450_000, 1_000_000, 12_345.4, 45L, null);

        assertThat(ProgressDisplay.line("users-mongo-view", rebuild)).isEqualTo("users-mongo-view v2 filling"
                + "  [#########...........]  45%  450,000/1,000,000 events  12,345 ev/s  ETA 0:45");
    }

    @Test
    void percentRoundsDownSoOnlyAllEventsShowAHundred() {
        ViewReport.Rebuild almost = new ViewReport.Rebuild(3, "handing-over", 999, 1000, 0, null, null);
        ViewReport.Rebuild all = new ViewReport.Rebuild(3, "switching", 1000, 1000, 0, null, null);

        assertThat(ProgressDisplay.line("orders", almost))
                .isEqualTo("orders v3 handing-over  [###################.]  99%  999/1,000 events  0 ev/s");
        assertThat(ProgressDisplay.line("orders", all))
                .isEqualTo("orders v3 switching  [####################]  100%  1,000/1,000 events  0 ev/s");
    }

    @Test
    void anUnknownTotalShowsOnlyTheEventsDone() {
        ViewReport.Rebuild rebuild = new ViewReport.Rebuild(2, "filling", 1_234_567, 0, 9_876.6, null, null);

        assertThat(ProgressDisplay.line("products", rebuild))
                .isEqualTo("products v2 filling  [....................]  1,234,567 events  9,877 ev/s");
    }

    @Test
    void etaIsMinutesAndSecondsOrHoursMinutesAndSeconds() {
        assertThat(ProgressDisplay.clock(0)).isEqualTo("0:00");
        assertThat(ProgressDisplay.clock(45)).isEqualTo("0:45");
        assertThat(ProgressDisplay.clock(725)).isEqualTo("12:05");
        assertThat(ProgressDisplay.clock(3599)).isEqualTo("59:59");
        assertThat(ProgressDisplay.clock(3723)).isEqualTo("1:02:03");
        assertThat(ProgressDisplay.clock(100 * 3600)).isEqualTo("100:00:00");
    }

    @Test
    void summaryForTheStatusTableHasNoBarAndTellsWhyItFailed() {
        ViewReport.Rebuild failed = new ViewReport.Rebuild(2, "failed", 10, 20, 0, null, "MongoDB went away");

        assertThat(ProgressDisplay.summary(failed)).isEqualTo("v2 failed  50%  10/20 events  0 ev/s  MongoDB went away");
    }
}
