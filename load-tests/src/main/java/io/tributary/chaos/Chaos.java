package io.tributary.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.devstack.ProjectRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code ./tributary chaos [--quick]}: starts the system on fresh data, runs a sustained mixed load, and meanwhile
 * kills with SIGKILL and restarts in turn the command API, the projections, the query API, Kafka, Elasticsearch,
 * the Mongo-protocol server and PostgreSQL. Once the load stopped and everything converged it checks the event
 * store against every command's answer, every view against a fold of the event store, the stock, and the e-mails
 * sent, and writes its report. Exits 1 on any loss, duplicate, forbidden 5xx or divergence.
 */
public final class Chaos {

    private static final String SAGAS = "order sagas";
    private static final String NOTIFICATIONS = "notifications";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration WARM_UP_BOUND = Duration.ofMinutes(5);

    private Chaos() {
    }

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        int status;
        try {
            Path root = ProjectRoot.find();
            Path home = root.resolve(".tributary").resolve("chaos");
            freshData(home);
            ChaosPlan plan = quick ? ChaosPlan.quick() : ChaosPlan.full();
            List<Path> reports = new ArrayList<>(List.of(root.resolve("load-tests/target/chaos").resolve(plan.name() + ".md")));
            if (!quick) {
                reports.add(root.resolve("docs/benchmarks/chaos.md"));
            }
            System.out.println("Chaos run (" + plan.name() + "): starting the servers and the services on fresh data (.tributary/chaos)...");
            ChaosResult result = run(plan, root, home, reports, System.out::println);
            status = result.passed() ? 0 : 1;
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 2;
        }
        // Every server and service is stopped by now; a client library's leftover thread must not keep the JVM alive.
        System.exit(status);
    }

    /**
     * Runs the plan on a system started in {@code home} (which holds no data of an earlier run), prints the
     * report through {@code progress} and writes it to each of {@code reports}.
     */
    static ChaosResult run(ChaosPlan plan, Path root, Path home, List<Path> reports, Consumer<String> progress) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        try (ChaosSystem system = ChaosSystem.start(root, home)) {
            Thread stopOnInterrupt = new Thread(system::close, "chaos-stop");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            ChaosHttp load = new ChaosHttp(system.adminToken(), startNanos, Duration.ofSeconds(20));
            // A verification folds all of a view's events afresh, which takes a while on a busy machine.
            ChaosHttp admin = new ChaosHttp(system.adminToken(), startNanos, Duration.ofMinutes(5));
            progress.accept("Started in " + FaultInjector.seconds(load.millisSinceStart()) + "; load from "
                    + plan.clients() + " clients, then every " + plan.faults().size() + " targets killed in turn");
            Command warmUp = warmUp(system, load);
            List<Fault> faults;
            List<Command> commands = new ArrayList<>(List.of(warmUp));
            try (ChaosLoad chaosLoad = new ChaosLoad(system, load, plan.clients(), plan.thinkTime(), plan.commandPatience())) {
                sleep(plan.warmUp());
                faults = new FaultInjector(system, load::millisSinceStart, progress).inject(plan);
                sleep(plan.coolDown());
                chaosLoad.stop();
                commands.addAll(chaosLoad.ledger());
            }
            long loadStopped = load.millisSinceStart();
            progress.accept("Load stopped at " + FaultInjector.seconds(loadStopped) + " after " + commands.size()
                    + " commands; waiting for the sagas, the views and the notifications to converge...");
            ViewConvergence views = new ViewConvergence(system, admin);
            List<String> viewNames = views.views();
            List<String> converging = new ArrayList<>(List.of(SAGAS));
            converging.addAll(viewNames);
            converging.add(NOTIFICATIONS);
            Map<String, Duration> convergence = converge(system, views, viewNames, converging, plan.convergence(),
                    () -> load.millisSinceStart() - loadStopped, progress);
            List<StoredEvent> events = events(system);
            ChaosResult result = new ChaosResult(plan, started, Duration.ofNanos(System.nanoTime() - startNanos), commands,
                    List.copyOf(load.calls()), faults, EventStoreAudit.audit(commands, events), StockAudit.audit(events),
                    MailAudit.audit(system.mailLog(), events), convergence, converging, views.verifyAll(viewNames));
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            String report = ChaosReport.markdown(result, system.mayKill(Target.POSTGRES));
            progress.accept(report);
            write(report, reports);
            return result;
        }
    }

    /**
     * One registration followed through to its view and its welcome e-mail before the load starts: consumer groups
     * joining fresh topics take a while, and a fault should meet a pipeline that is working.
     */
    private static Command warmUp(ChaosSystem system, ChaosHttp http) {
        String email = "chaos-warm-up-" + java.util.UUID.randomUUID() + "@example.com";
        String key = java.util.UUID.randomUUID().toString();
        Call registered = http.post(Target.COMMAND_API, system.url(Target.COMMAND_API) + "/api/v1/users",
                "{\"name\":\"Warm Up\",\"email\":\"" + email + "\"}", key, false);
        if (!registered.ok()) {
            throw new IllegalStateException("the warm-up registration answered " + registered.status() + ": " + registered.body());
        }
        String id;
        try {
            id = JSON.readTree(registered.body()).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + WARM_UP_BOUND.toNanos();
        while (!(http.get(Target.QUERY_API, system.url(Target.QUERY_API) + "/api/v1/users/" + id).ok()
                && mailed(system, email))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up registration " + id + " did not reach its view and its"
                        + " welcome e-mail within " + WARM_UP_BOUND.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(500));
        }
        return new Command(Command.Kind.REGISTER_USER, email, key, Command.Outcome.ACKED, registered.status(), id, 1);
    }

    private static boolean mailed(ChaosSystem system, String email) {
        try {
            return Files.exists(system.mailLog()) && Files.readString(system.mailLog()).contains("<" + email + ">");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until the sagas, every view and the notifications have converged or the bound passed. */
    private static Map<String, Duration> converge(ChaosSystem system, ViewConvergence views, List<String> viewNames,
                                                  List<String> converging, Duration bound,
                                                  java.util.function.LongSupplier sinceLoadStopped,
                                                  Consumer<String> progress) {
        Map<String, Duration> converged = new LinkedHashMap<>();
        while (converged.size() < converging.size() && sinceLoadStopped.getAsLong() < bound.toMillis()) {
            List<StoredEvent> events = events(system);
            if (!converged.containsKey(SAGAS) && StockAudit.audit(events).pending() == 0) {
                note(converged, SAGAS, sinceLoadStopped, progress);
            }
            // A view found consistent while sagas still append events may fall behind again: every view is verified
            // once more at the end, and that verification is the one the run passes or fails on.
            for (String view : viewNames) {
                if (!converged.containsKey(view) && ViewConvergence.consistent(views.verify(view))) {
                    note(converged, view, sinceLoadStopped, progress);
                }
            }
            if (!converged.containsKey(NOTIFICATIONS) && MailAudit.audit(system.mailLog(), events).missing() == 0) {
                note(converged, NOTIFICATIONS, sinceLoadStopped, progress);
            }
            if (converged.size() < converging.size()) {
                sleep(POLL);
            }
        }
        return converged;
    }

    private static void note(Map<String, Duration> converged, String what, java.util.function.LongSupplier since,
                             Consumer<String> progress) {
        Duration after = Duration.ofMillis(since.getAsLong());
        converged.put(what, after);
        progress.accept("  " + what + " converged " + FaultInjector.seconds(after.toMillis()) + " after the load stopped");
    }

    private static List<StoredEvent> events(ChaosSystem system) {
        try (Connection connection = system.eventStore()) {
            return EventStoreAudit.read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the event store could not be read: " + e.getMessage(), e);
        }
    }

    private static void write(String report, List<Path> files) {
        try {
            for (Path file : files) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data of an earlier run goes; the unpacked server binaries stay, which saves minutes per start. */
    private static void freshData(Path home) {
        for (String data : List.of("postgres", "kafka", "mongo", "mail", "logs", "run", "elasticsearch/data",
                "elasticsearch/logs")) {
            Path folder = home.resolve(data);
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
