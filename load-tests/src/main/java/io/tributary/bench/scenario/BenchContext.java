package io.tributary.bench.scenario;

import io.tributary.bench.BenchScale;
import io.tributary.bench.data.Dataset;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.Api;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.system.ViewLag;
import io.tributary.bench.tools.Wrk;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What every scenario works with: the running system, the scale, the loaded data, the tools, a work folder.
 *
 * @param wrk  empty when wrk is not installed (its scenarios then say so)
 * @param runTag unique per run, so values that must be unique (e-mail addresses, SKUs) never collide
 */
public record BenchContext(BenchSystem system, BenchScale scale, Api api, ViewLag lag, Optional<Wrk> wrk, Path work,
                           String runTag, Dataset dataset) {

    public BenchContext withDataset(Dataset loaded) {
        return new BenchContext(system, scale, api, lag, wrk, work, runTag, loaded);
    }

    /** wrk, or empty after noting in {@code section} that the scenario is skipped without it. */
    Optional<Wrk> wrkOrSkip(Section section) {
        if (wrk.isEmpty()) {
            section.note("Skipped: wrk is not installed (Debian: apt-get install wrk).");
        }
        return wrk;
    }

    public String commandApi() {
        return system.url(BenchSystem.COMMAND_API);
    }

    public String queryApi() {
        return system.url(BenchSystem.QUERY_API);
    }
}
