package io.tributary.projections.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProgressTest {

    @Test
    void lineShowsBarPercentCountsRateAndEta() {
        ViewStatus.Rebuild rebuild = new ViewStatus.Rebuild(2, "filling", 450_000, 1_000_000, 12_345.4, 45L, null);

        assertThat(RebuildProgress.line("users-mongo-view", rebuild)).isEqualTo("users-mongo-view v2 filling"
                + "  [#########...........]  45%  450,000/1,000,000 events  12,345 ev/s  ETA 0:45");
    }

    @Test
    void percentRoundsDownSoOnlyAllEventsShowAHundred() {
        ViewStatus.Rebuild almost = new ViewStatus.Rebuild(3, "handing-over", 999, 1000, 0, null, null);
        ViewStatus.Rebuild all = new ViewStatus.Rebuild(3, "switching", 1000, 1000, 0, null, null);

        assertThat(RebuildProgress.line("orders", almost))
                .isEqualTo("orders v3 handing-over  [###################.]  99%  999/1,000 events  0 ev/s");
        assertThat(RebuildProgress.line("orders", all))
                .isEqualTo("orders v3 switching  [####################]  100%  1,000/1,000 events  0 ev/s");
    }

    @Test
    void anUnknownTotalShowsOnlyTheEventsDone() {
        ViewStatus.Rebuild rebuild = new ViewStatus.Rebuild(2, "filling", 1_234_567, 0, 9_876.6, null, null);

        assertThat(RebuildProgress.line("products", rebuild))
                .isEqualTo("products v2 filling  [....................]  1,234,567 events  9,877 ev/s");
    }

    @Test
    void etaIsMinutesAndSecondsOrHoursMinutesAndSeconds() {
        assertThat(RebuildProgress.clock(0)).isEqualTo("0:00");
        assertThat(RebuildProgress.clock(45)).isEqualTo("0:45");
        assertThat(RebuildProgress.clock(725)).isEqualTo("12:05");
        assertThat(RebuildProgress.clock(3599)).isEqualTo("59:59");
        assertThat(RebuildProgress.clock(3723)).isEqualTo("1:02:03");
        assertThat(RebuildProgress.clock(100 * 3600)).isEqualTo("100:00:00");
    }

    @Test
    void summaryForTheStatusTableHasNoBarAndTellsWhyItFailed() {
        ViewStatus.Rebuild failed = new ViewStatus.Rebuild(2, "failed", 10, 20, 0, null, "MongoDB went away");

        assertThat(RebuildProgress.summary(failed)).isEqualTo("v2 failed  50%  10/20 events  0 ev/s  MongoDB went away");
    }
}
