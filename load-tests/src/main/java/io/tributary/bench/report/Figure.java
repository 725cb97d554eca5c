package io.tributary.bench.report;

/**
 * One measured figure and, where the scenario has one, the baseline measured in the same run on the same servers.
 *
 * @param what      what was measured, e.g. "POST /users, 8 clients"
 * @param value     the figure; NaN when it could not be measured
 * @param unit      e.g. "req/s", "ms", "events/s", "MB"
 * @param detail    latency percentiles or other context, free text (may be empty)
 * @param baseline  what the baseline is, e.g. "pgbench INSERT, 8 clients"; null when the scenario has none
 * @param baselineValue the baseline's figure; NaN when the baseline tool is missing or failed
 * @param note      why a figure is missing, or what to keep in mind (may be empty)
 */
public record Figure(String what, double value, String unit, String detail, String baseline, double baselineValue,
                     String note) {

    public static Figure of(String what, double value, String unit, String detail) {
        return new Figure(what, value, unit, detail, null, Double.NaN, "");
    }

    public Figure against(String baseline, double baselineValue) {
        return new Figure(what, value, unit, detail, baseline, baselineValue, note);
    }

    public Figure noted(String text) {
        return new Figure(what, value, unit, detail, baseline, baselineValue,
                note.isEmpty() ? text : note + "; " + text);
    }

    /** value / baseline, NaN where either is missing. */
    public double ratio() {
        return baseline == null || Double.isNaN(value) || Double.isNaN(baselineValue) || baselineValue == 0
                ? Double.NaN : value / baselineValue;
    }
}
