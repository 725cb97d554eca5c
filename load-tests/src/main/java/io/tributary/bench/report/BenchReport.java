package io.tributary.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run of the benchmark found: where it ran, at which scale, and each scenario's section. */
public final class BenchReport {

    private final Instant started = Instant.now();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> scale = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private Duration took = Duration.ZERO;

    public Instant started() {
        return started;
    }

    public Map<String, String> machine() {
        return machine;
    }

    public Map<String, String> settings() {
        return settings;
    }

    public Map<String, String> scale() {
        return scale;
    }

    public List<Section> sections() {
        return sections;
    }

    public Section section(String title) {
        Section section = new Section(title);
        sections.add(section);
        return section;
    }

    public Duration took() {
        return took;
    }

    public void finish() {
        took = Duration.between(started, Instant.now());
    }
}
