package io.tributary.bench.scenario;

import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.tools.Command;
import io.tributary.bench.tools.NginxBaseline;
import io.tributary.bench.tools.Wrk;
import io.tributary.bench.tools.WrkResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Scenario 5: {@code GET /orders/{id}} over a hot set of the loaded orders, 64 connections (wrk), next to nginx
 * serving one of those orders' JSON as a static file with the same tool and connections.
 */
public final class ReadsById {

    private static final int CONNECTIONS = 64;
    private static final int HOT_SET = 1_000;

    private final BenchContext context;

    public ReadsById(BenchContext context) {
        this.context = context;
    }

    public void run(Section section) {
        Optional<Wrk> installed = context.wrkOrSkip(section);
        if (installed.isEmpty()) {
            return;
        }
        Wrk wrk = installed.get();
        Wrk asAdmin = wrk.as(context.system().adminToken());
        Path hot = context.dataset().hotOrdersFile(HOT_SET);
        String prefix = "/api/v1/orders/";
        Duration step = context.scale().step();
        Duration round = context.scale().warmUp();
        SettlingWarmUp warmUp = SettlingWarmUp.run(round, () -> asAdmin.run("orders-by-id", WrkScripts.GET_BY_ID,
                context.queryApi(), CONNECTIONS, round, hot.toString(), prefix).perSecond());
        WrkResult reads = asAdmin.run("orders-by-id", WrkScripts.GET_BY_ID, context.queryApi(), CONNECTIONS, step,
                hot.toString(), prefix);
        Figure figure = Figure.of("GET /orders/{id}, hot set of " + Math.min(HOT_SET, context.dataset().orderIds().size())
                + " orders, " + CONNECTIONS + " connections", reads.perSecond(), "req/s", reads.latencies());
        Optional<String> sample = sampleOrder(prefix);
        if (sample.isEmpty()) {
            section.add(figure.against("nginx, static file (no order JSON to serve: the query API never answered 200)", Double.NaN));
            return;
        }
        section.add(withNginx(figure, wrk, sample.get(), section, step));
        section.note("The query API was warmed up first, in " + warmUp.describe() + "; nginx serves one order's JSON ("
                + sample.get().length() + " bytes) as a file.");
    }

    /** One order's JSON as the query API answers it, from the first of the hot set it can answer. */
    private Optional<String> sampleOrder(String prefix) {
        for (String id : context.dataset().orderIds().subList(0, Math.min(20, context.dataset().orderIds().size()))) {
            var answer = context.api().get(context.queryApi() + prefix + id);
            if (answer.ok()) {
                return Optional.of(answer.body());
            }
        }
        return Optional.empty();
    }

    private Figure withNginx(Figure figure, Wrk wrk, String json, Section section, Duration step) {
        Path root = context.work().resolve("nginx-root");
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("order.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<NginxBaseline> started;
        try {
            started = NginxBaseline.start(root);
        } catch (Command.ToolFailedException e) {
            section.note("nginx baseline failed: " + e.getMessage());
            return figure.against("nginx, static file, " + CONNECTIONS + " connections", Double.NaN);
        }
        if (started.isEmpty()) {
            section.note("nginx is not installed (Debian: apt-get install nginx): no baseline for the reads by id.");
            return figure.against("nginx, static file (not installed)", Double.NaN);
        }
        try (NginxBaseline nginx = started.get()) {
            WrkResult baseline = wrk.run("nginx-static", "", nginx.url("order.json"), CONNECTIONS, step);
            return figure.against("nginx, static file, " + CONNECTIONS + " connections (" + baseline.latencies() + ")",
                    baseline.perSecond());
        }
    }
}
