package io.tributary.bench.scenario;

import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.CpuUse;
import io.tributary.bench.tools.Command;
import io.tributary.bench.tools.PgBench;
import io.tributary.bench.tools.Wrk;
import io.tributary.bench.tools.WrkResult;

import java.util.Locale;
import java.util.Optional;

/**
 * Scenario 1: registering users and placing orders at 1 to 64 concurrent clients (wrk, closed loop), each level
 * next to pgbench's single-row INSERT transactions on the same PostgreSQL at the same concurrency.
 */
public final class CommandThroughput {

    private final BenchContext context;
    private final Optional<PgBench> pgbench;

    public CommandThroughput(BenchContext context, Optional<PgBench> pgbench) {
        this.context = context;
        this.pgbench = pgbench;
    }

    /** @param situation e.g. "everything running" or "command API alone (projections stopped)" */
    public void run(Section section, String situation) {
        if (context.wrk().isEmpty()) {
            section.note("Skipped (" + situation + "): wrk is not installed (Debian: apt-get install wrk).");
            return;
        }
        if (pgbench.isEmpty()) {
            section.note("pgbench is not installed (Debian: postgresql-client): the commands below have no baseline.");
        }
        Wrk wrk = context.wrk().get();
        // Registrations carry no token: it would link every new user to the admin's subject, which owns one at most.
        double usersAtOne = Double.NaN;
        double usersAtThirtyTwo = Double.NaN;
        for (int clients : context.scale().clients()) {
            double baseline = insertRate(section, clients);
            String baselineName = "pgbench INSERT, " + clients + " clients";
            CpuUse.Snapshot before = CpuUse.now(context.system().home());
            WrkResult users = wrk.run("register-user", WrkScripts.REGISTER_USER, context.commandApi() + "/api/v1/users",
                    clients, context.scale().step(), context.runTag() + Long.toString(System.nanoTime(), 36));
            if (clients == 8 || clients == 32) {
                // The clients of the target: where the machine's CPU went, which bounds the rate.
                CpuUse.note(section, "CPU during POST /users at " + clients + " clients, " + situation, before,
                        context.system().home());
            }
            section.add(Figure.of("POST /users, " + clients + " clients, " + situation, users.perSecond(), "req/s",
                    users.latencies()).against(baselineName, baseline));
            WrkResult orders = wrk.as(context.system().adminToken()).run("place-order", WrkScripts.PLACE_ORDER,
                    context.commandApi() + "/api/v1/orders", clients, context.scale().step(),
                    context.dataset().usersFile().toString(), context.dataset().productsFile().toString());
            section.add(Figure.of("POST /orders, " + clients + " clients, " + situation, orders.perSecond(), "req/s",
                    orders.latencies()).against(baselineName, baseline));
            if (clients == 1) {
                usersAtOne = users.perSecond();
            } else if (clients == 32) {
                usersAtThirtyTwo = users.perSecond();
            }
            System.out.printf(Locale.ROOT, "  %s, %d clients: users %.0f/s, orders %.0f/s, pgbench %.0f tx/s%n",
                    situation, clients, users.perSecond(), orders.perSecond(), baseline);
        }
        if (!Double.isNaN(usersAtOne) && !Double.isNaN(usersAtThirtyTwo)) {
            section.add(Figure.of("POST /users scaling, 32 clients over 1, " + situation, usersAtThirtyTwo, "req/s", "")
                    .against("POST /users at 1 client", usersAtOne));
        }
    }

    private double insertRate(Section section, int clients) {
        if (pgbench.isEmpty()) {
            return Double.NaN;
        }
        try {
            return pgbench.get().insert(clients, context.scale().step()).transactionsPerSecond();
        } catch (Command.ToolFailedException e) {
            section.note("pgbench at " + clients + " clients failed: " + e.getMessage());
            return Double.NaN;
        }
    }
}
