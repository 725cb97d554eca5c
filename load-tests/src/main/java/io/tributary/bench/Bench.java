package io.tributary.bench;

import io.tributary.bench.data.Catalogue;
import io.tributary.bench.data.DataLoader;
import io.tributary.bench.data.Dataset;
import io.tributary.bench.report.BenchReport;
import io.tributary.bench.report.MachineFacts;
import io.tributary.bench.report.ReportFiles;
import io.tributary.bench.report.Section;
import io.tributary.bench.scenario.BenchContext;
import io.tributary.bench.scenario.CatchUp;
import io.tributary.bench.scenario.CommandCost;
import io.tributary.bench.scenario.CommandSideBacklog;
import io.tributary.bench.scenario.CommandThroughput;
import io.tributary.bench.scenario.Freshness;
import io.tributary.bench.scenario.Memory;
import io.tributary.bench.scenario.MixedLoad;
import io.tributary.bench.scenario.ProductSearch;
import io.tributary.bench.scenario.ReadsById;
import io.tributary.bench.scenario.Rebuild;
import io.tributary.bench.scenario.SustainedCommands;
import io.tributary.bench.scenario.SyntheticBacklog;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.system.CpuUse;
import io.tributary.bench.system.ViewLag;
import io.tributary.bench.tools.Command;
import io.tributary.bench.tools.PgBench;
import io.tributary.bench.tools.Wrk;
import io.tributary.devstack.StackEndpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code ./tributary bench [--quick]}: starts the stack and the services on fresh data, loads users, products
 * and orders, runs the nine scenarios of the benchmark with their same-run baselines, and writes
 * {@code docs/benchmarks/latest.md} and {@code latest.json} ({@code --rebuild}: scenario 8 alone, into
 * {@code rebuild.md}; {@code --commands}: scenario 1 with the command API alone, into {@code commands.md}). The
 * report is rewritten after every scenario, so a run that fails half-way still leaves what it measured. Everything it started is stopped at the end.
 */
public final class Bench {

    private final BenchReport report = new BenchReport();
    private final Path reportFolder;
    private final String reportName;
    /** The stack's data folder, by which {@link CpuUse} finds its servers. */
    private final Path stackHome;
    /** The command API's relay and order sagas, read from their tokens, once a run started the stack. */
    private CommandSideBacklog commandSide;

    private Bench(Path reportFolder, String reportName, Path stackHome) {
        this.reportFolder = reportFolder;
        this.reportName = reportName;
        this.stackHome = stackHome;
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            runFrom(args);
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        // Every server and service is stopped by now; a client library's leftover non-daemon thread must not keep
        // the run (and a CI job waiting on it) alive.
        System.exit(status);
    }

    private static void runFrom(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        boolean rebuildOnly = List.of(args).contains("--rebuild");
        boolean catchUpOnly = List.of(args).contains("--catch-up");
        boolean readsOnly = List.of(args).contains("--reads");
        boolean sustainedOnly = List.of(args).contains("--sustained");
        boolean commandsOnly = List.of(args).contains("--commands");
        BenchScale scale = (quick ? BenchScale.quick() : BenchScale.full()).withEnvironment();
        // A quick run's figures are too short to quote: it never overwrites the full run's report.
        String reportName = Optional.ofNullable(System.getenv("BENCH_REPORT_NAME"))
                .orElse(quick ? "quick" : rebuildOnly ? "rebuild" : catchUpOnly ? "catch-up" : readsOnly ? "reads"
                        : sustainedOnly ? "sustained" : commandsOnly ? "commands" : "latest");
        System.out.println("Starting PostgreSQL, Kafka, Elasticsearch, the Mongo-protocol server, an SMTP server and the services"
                + " on fresh data (.tributary/bench)...");
        try (BenchSystem system = BenchSystem.start()) {
            // Ctrl-C stops the servers and services too (close is idempotent, so the normal end is unaffected).
            Thread stopOnInterrupt = new Thread(system::close, "bench-stop");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            Path folder = system.root().resolve("docs").resolve("benchmarks");
            Bench bench = new Bench(folder, reportName, system.home());
            if (rebuildOnly) {
                bench.runRebuildOnly(system, scale);
            } else if (catchUpOnly) {
                bench.runCatchUpOnly(system, scale);
            } else if (readsOnly) {
                bench.runReadsOnly(system, scale);
            } else if (sustainedOnly) {
                bench.runSustainedOnly(system, scale);
            } else if (commandsOnly) {
                bench.runCommandsOnly(system, scale);
            } else {
                bench.run(system, scale);
            }
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        }
        System.out.println("Stopped everything the benchmark started.");
    }

    private void run(BenchSystem system, BenchScale scale) {
        Path work = workFolder(system);
        StackEndpoints endpoints = system.endpoints();
        describe(endpoints, scale);

        try (ViewLag lag = new ViewLag(endpoints.kafkaBootstrapServers())) {
            Optional<Wrk> wrk = Wrk.find(work.resolve("wrk"));
            Optional<PgBench> pgbench = PgBench.find(endpoints.postgresJdbcUrl(), endpoints.postgresUser(),
                    endpoints.postgresPassword(), work);
            BenchContext empty = new BenchContext(system, scale, system.api(), lag, wrk, work, newRunTag(), null);
            Section memory = report.section("7. Memory: RSS and heap after a full GC, per service");
            isolated(memory, () -> new Memory(empty).run(memory, "at rest"));

            CommandsAlone alone = commandsAlone(system, empty, pgbench);
            DataLoader.Loaded loaded = alone.loaded();
            Section commands = alone.commands();
            CommandThroughput throughput = alone.throughput();

            System.out.println("3. Catch-up: starting the projections on the backlog...");
            Section catchUp = report.section("3. Catch-up: each view from its backlog to no lag");
            BenchContext loadedContext = alone.context();
            profiled(catchUp, "the catch-up", () -> new CatchUp(loadedContext).run(catchUp,
                    String.format(Locale.ROOT, "%,d commands", loaded.commands())));
            if (!system.running(BenchSystem.PROJECTIONS)) {
                system.startService(BenchSystem.PROJECTIONS);
            }

            // The closed-loop commands with everything running come last: they leave the views a backlog of minutes,
            // which the reads and the mixed workload would otherwise measure instead of the read path.
            settle(lag, scale.settleLimit(), commands, "before the reads");
            runReads(loadedContext, report.section("5. Reads by id"));

            settle(lag, scale.settleLimit(), commands, "before the mixed workload");
            runSustainedLoads(loadedContext, memory);

            System.out.println("1. Commands, everything running...");
            settle(lag, scale.settleLimit(), commands, "before the commands with everything running");
            profiled(commands, "the commands, everything running", () -> throughput.run(commands, "everything running"));
            commands.note("PostgreSQL is the dev stack's own server (fsync " + report.settings().getOrDefault("PostgreSQL fsync", "?")
                    + ", synchronous_commit " + report.settings().getOrDefault("PostgreSQL synchronous_commit", "?")
                    + "): pgbench runs against it, with the same settings, so the ratio compares like with like.");
            write();

            rebuild(loadedContext);
        } catch (RuntimeException e) {
            report.section("Run failed").note("The benchmark stopped early: " + e);
            e.printStackTrace();
        } finally {
            write();
            System.out.println("Report: " + reportFolder.resolve(reportName + ".md"));
        }
    }

    /** Scenario 8 alone ({@code --rebuild}): on the empty system, without the data set of the other scenarios. */
    private void runRebuildOnly(BenchSystem system, BenchScale scale) {
        report.scale().put("rebuild (scenario 8)", String.format(Locale.ROOT, "%,d events", scale.rebuildEvents()));
        Path work = workFolder(system);
        String runTag = newRunTag();
        try (ViewLag lag = new ViewLag(system.endpoints().kafkaBootstrapServers())) {
            MachineFacts.machine(report.machine());
            rebuild(new BenchContext(system, scale, system.api(), lag, Optional.empty(), work, runTag, null));
        } finally {
            write();
            System.out.println("Report: " + reportFolder.resolve(reportName + ".md"));
        }
    }

    /**
     * Scenario 3 alone ({@code --catch-up}): on the empty system, from a backlog of synthetic user events
     * ({@code BENCH_USERS} users, four events each) that the relay publishes while the projections are stopped.
     */
    private void runCatchUpOnly(BenchSystem system, BenchScale scale) {
        Path work = workFolder(system);
        String runTag = newRunTag();
        try (ViewLag lag = new ViewLag(system.endpoints().kafkaBootstrapServers())) {
            MachineFacts.machine(report.machine());
            StackEndpoints endpoints = system.endpoints();
            MachineFacts.postgres(report.settings(), endpoints.postgresJdbcUrl(), endpoints.postgresUser(),
                    endpoints.postgresPassword());
            describeServerSettings();
            report.scale().put("catch-up backlog", String.format(Locale.ROOT, "%,d synthetic users, %,d events",
                    scale.users(), scale.users() * 4L));
            BenchContext context = new BenchContext(system, scale, system.api(), lag, Optional.empty(), work, runTag, null);
            Section catchUp = report.section("3. Catch-up: each view from its backlog to no lag");
            isolated(catchUp, () -> {
                long backlog = new SyntheticBacklog(context).build(catchUp, scale.users());
                MachineFacts.kafkaProducer(report.settings(), system.logOf(BenchSystem.COMMAND_API));
                System.out.println("3. Catch-up: starting the projections on the backlog...");
                CpuUse.Snapshot before = CpuUse.now(stackHome);
                new CatchUp(context).run(catchUp, String.format(Locale.ROOT, "%,d events", backlog));
                CpuUse.note(catchUp, "CPU during the catch-up, in cores used on average", before, stackHome);
            });
            Section memory = report.section("7. Memory: RSS and heap after a full GC, per service");
            isolated(memory, () -> new Memory(context).run(memory, "after the catch-up"));
        } finally {
            write();
            System.out.println("Report: " + reportFolder.resolve(reportName + ".md"));
        }
    }

    /**
     * The read path alone ({@code --reads}): scenarios 5, 6 and 4 on the loaded data set once every view has caught
     * up with it (waiting up to the catch-up limit), so the reads measure the query API and not a view's backlog.
     */
    private void runReadsOnly(BenchSystem system, BenchScale scale) {
        runOnLoadedData(system, scale, context -> {
            Section reads = report.section("5. Reads by id");
            settle(context.lag(), scale.catchUpLimit(), reads, "before the reads");
            runReads(context, reads);
        });
    }

    /**
     * The loads with everything running alone ({@code --sustained}): scenarios 2 and 9 on the loaded data set once every
     * view has caught up with it (waiting up to the catch-up limit).
     */
    private void runSustainedOnly(BenchSystem system, BenchScale scale) {
        runOnLoadedData(system, scale, context -> {
            Section memory = report.section("7. Memory: RSS and heap after a full GC, per service");
            settle(context.lag(), scale.catchUpLimit(), memory, "before the mixed workload");
            runSustainedLoads(context, memory);
        });
    }

    /**
     * The command API alone ({@code --commands}): scenario 1 with the relay running and the projections stopped, as
     * in the full run, on a data set loaded the same way.
     */
    private void runCommandsOnly(BenchSystem system, BenchScale scale) {
        Path work = workFolder(system);
        StackEndpoints endpoints = system.endpoints();
        describe(endpoints, scale);
        try (ViewLag lag = new ViewLag(endpoints.kafkaBootstrapServers())) {
            Optional<PgBench> pgbench = PgBench.find(endpoints.postgresJdbcUrl(), endpoints.postgresUser(),
                    endpoints.postgresPassword(), work);
            commandsAlone(system, new BenchContext(system, scale, system.api(), lag, Wrk.find(work.resolve("wrk")), work,
                    newRunTag(), null), pgbench);
        } finally {
            write();
            System.out.println("Report: " + reportFolder.resolve(reportName + ".md"));
        }
    }

    /** What the machine, the servers and the scale of this run are, into the report; the command side's backlog. */
    private void describe(StackEndpoints endpoints, BenchScale scale) {
        commandSide = new CommandSideBacklog(endpoints.postgresJdbcUrl(), endpoints.postgresUser(),
                endpoints.postgresPassword());
        MachineFacts.machine(report.machine());
        MachineFacts.postgres(report.settings(), endpoints.postgresJdbcUrl(), endpoints.postgresUser(), endpoints.postgresPassword());
        describeServerSettings();
        report.scale().putAll(scale.describe());
    }

    /**
     * Stops the projections, loads the data set through the command API and measures scenario 1 with the command API
     * alone, once its relay and order sagas worked off the loading.
     */
    private CommandsAlone commandsAlone(BenchSystem system, BenchContext empty, Optional<PgBench> pgbench) {
        BenchScale scale = empty.scale();
        System.out.println("Stopping the projections; loading the data set through the command API...");
        system.stopService(BenchSystem.PROJECTIONS);
        DataLoader.Loaded loaded = new DataLoader(empty.api(), empty.commandApi(), empty.runTag())
                .load(scale.users(), scale.products(), scale.orders(), empty.work().resolve("data"));
        BenchContext context = empty.withDataset(saveSearchWords(loaded.dataset()));
        // The relay's producer logs its settings when it sends the first event.
        MachineFacts.kafkaProducer(report.settings(), system.logOf(BenchSystem.COMMAND_API));
        report.scale().put("load (products, then users, then orders; 32 concurrent requests)",
                String.format(Locale.ROOT, "%,d commands in %.0f s, %.0f/s", loaded.commands(), loaded.took().toNanos() / 1e9,
                        loaded.perSecond()));
        write();

        System.out.println("1. Commands, the command API alone (relay running, projections stopped)...");
        Section commands = report.section("1. Commands: throughput and latency by concurrent clients");
        commandSide.awaitCaughtUp(scale.commandSideLimit(), commands, "when the commands were measured");
        CommandThroughput throughput = new CommandThroughput(context, pgbench);
        profiled(commands, "the commands, command API alone", () -> throughput.run(commands, "command API alone"));
        return new CommandsAlone(context, loaded, commands, throughput);
    }

    private record CommandsAlone(BenchContext context, DataLoader.Loaded loaded, Section commands,
                                 CommandThroughput throughput) {
    }

    /** Loads the data set through the command API with every service running, then runs {@code scenarios} on it. */
    private void runOnLoadedData(BenchSystem system, BenchScale scale, Consumer<BenchContext> scenarios) {
        Path work = workFolder(system);
        String runTag = newRunTag();
        StackEndpoints endpoints = system.endpoints();
        describe(endpoints, scale);
        try (ViewLag lag = new ViewLag(endpoints.kafkaBootstrapServers())) {
            Optional<Wrk> wrk = Wrk.find(work.resolve("wrk"));
            BenchContext empty = new BenchContext(system, scale, system.api(), lag, wrk, work, runTag, null);
            System.out.println("Loading the data set through the command API...");
            DataLoader.Loaded loaded = new DataLoader(empty.api(), empty.commandApi(), runTag)
                    .load(scale.users(), scale.products(), scale.orders(), work.resolve("data"));
            scenarios.accept(empty.withDataset(saveSearchWords(loaded.dataset())));
        } finally {
            write();
            System.out.println("Report: " + reportFolder.resolve(reportName + ".md"));
        }
    }

    /** Scenario 2, the memory after it (into the given section), then scenario 9. */
    private void runSustainedLoads(BenchContext context, Section memory) {
        System.out.println("2. Mixed workload (Gatling)...");
        Section mixed = report.section("2. Sustained mixed load (Gatling, open model)");
        profiled(mixed, "the mixed workload", () -> new MixedLoad(context).run(mixed));

        System.out.println("7. Memory after the mixed workload...");
        isolated(memory, () -> new Memory(context).run(memory, "after the mixed workload"));

        System.out.println("9. Sustained commands, everything running...");
        Section sustained = report.section("9. Sustained commands: the highest rate the views keep up with");
        profiled(sustained, "the sustained commands, settling included", () -> new SustainedCommands(context).run(sustained,
                () -> settle(context.lag(), context.scale().settleLimit(), sustained, "before a command rate")));
        write();
    }

    /**
     * Scenarios 5, 6 and 4, in that order: reads by id (into the given section), product search, freshness (after
     * the CPU one registration costs, which bounds the rate the freshness run offers).
     */
    private void runReads(BenchContext context, Section reads) {
        System.out.println("5. Reads by id...");
        profiled(reads, "the reads by id", () -> new ReadsById(context).run(reads));
        System.out.println("6. Product search...");
        Section search = report.section("6. Product search (text, facets, highlights)");
        profiled(search, "the product search", () -> new ProductSearch(context).run(search));
        System.out.println("4. Freshness: first the CPU one registration costs, then the freshness run...");
        Section freshness = report.section("4. Freshness: from a command's 2xx to the query API showing it");
        isolated(freshness, () -> new CommandCost(context).run(freshness));
        profiled(freshness, "the freshness run", () -> new Freshness(context).run(freshness));
    }

    /** Last, because it stops the command API. */
    private void rebuild(BenchContext context) {
        System.out.println("8. Rebuild from the event store...");
        Section rebuild = report.section("8. Rebuild: a view from the event store, against raw bulk writes");
        profiled(rebuild, "the rebuilds", () -> new Rebuild(context).run(rebuild, context.scale().rebuildEvents()));
    }

    /** Where a run keeps its data set, scripts and baselines' files. */
    private static Path workFolder(BenchSystem system) {
        return system.root().resolve("load-tests").resolve("target").resolve("bench");
    }

    /** Unique per run, so the data a run creates (e-mail addresses, SKUs) never collides with an earlier run's. */
    private static String newRunTag() {
        return "b" + Long.toString(System.currentTimeMillis(), 36);
    }

    private void describeServerSettings() {
        report.settings().put("MongoDB", "mongo-java-server (the local stack's Mongo-protocol server)");
        report.settings().put("Elasticsearch", "8.19 single node, 512 MB heap");
        report.settings().put("Authentication", "every request to the services carries an admin's bearer token (a JWT "
                + "signed with RS256), which the services validate; registrations carry none, as visitors sign up");
    }

    /** A scenario that fails leaves a note in its section; the scenarios after it still run. */
    private void isolated(Section section, Runnable scenario) {
        try {
            scenario.run();
        } catch (RuntimeException e) {
            section.note("This scenario failed: " + e);
            e.printStackTrace();
        }
        write();
    }

    /**
     * As {@link #isolated}, and notes where the machine's CPU went meanwhile (baselines and warm-ups included): on two
     * busy cores, that is what bounds most figures.
     */
    private void profiled(Section section, String label, Runnable scenario) {
        CpuUse.Snapshot before = CpuUse.now(stackHome);
        isolated(section, scenario);
        CpuUse.note(section, "CPU during " + label + ", in cores used on average", before, stackHome);
        write();
    }

    /**
     * Waits until the command API's relay and order sagas, then the views, have worked off what earlier scenarios left:
     * the sagas' answers to the orders are events the views apply only once they are written, and a scenario measured
     * meanwhile shares the machine with that work.
     */
    private void settle(ViewLag lag, Duration limit, Section section, String when) {
        long deadline = System.nanoTime() + limit.toNanos();
        if (commandSide != null) {
            commandSide.awaitCaughtUp(limit, section, when);
        }
        long behind = lag.largestBehind();
        while (behind > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
            behind = lag.largestBehind();
        }
        if (behind > 0) {
            section.note(String.format(Locale.ROOT, "A view was still %,d records behind %s (waited %d s).", behind, when,
                    limit.toSeconds()));
        }
    }

    private static Dataset saveSearchWords(Dataset dataset) {
        try {
            Files.write(dataset.folder().resolve("search-words.txt"), Catalogue.searchWords());
            return dataset;
        } catch (IOException e) {
            throw new Command.ToolFailedException("cannot write the search words: " + e.getMessage());
        }
    }

    private void write() {
        report.finish();
        ReportFiles.write(report, reportFolder, reportName);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
