package io.tributary.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The chaos run's report, in Markdown: printed at the end of the run and written to its report files. */
final class ChaosReport {

    /** How long after a target was back a 503 still counts as its outage's (circuit breakers wait 5 s). */
    static final long OUTAGE_MARGIN_MILLIS = 10_000;

    private ChaosReport() {
    }

    static String markdown(ChaosResult result, boolean postgresOwned) {
        StringBuilder md = new StringBuilder("# Chaos run (").append(result.plan().name()).append(")\n\n");
        md.append("Written by `./tributary chaos").append(result.plan().name().equals("full") ? "" : " --quick")
                .append("` (or its CI variant, `ChaosIT`) on ").append(result.started()).append("; took ")
                .append(result.took().toSeconds()).append(" s on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores. Result: **").append(result.passed() ? "passed" : "FAILED").append("**.\n\n");
        List<String> failures = result.failures();
        failures.forEach(failure -> md.append("- ").append(failure).append('\n'));
        if (!failures.isEmpty()) {
            md.append('\n');
        }

        md.append("## Figures\n\n| figure | value |\n|---|---|\n");
        row(md, "commands sent", result.commands().size());
        row(md, "… answered 2xx", count(result.commands(), Command.Outcome.ACKED));
        row(md, "… refused (4xx, e.g. cancelling a rejected order)", count(result.commands(), Command.Outcome.REFUSED));
        row(md, "… unknown (no answer within the retries)", count(result.commands(), Command.Outcome.UNKNOWN));
        row(md, "… retried (same Idempotency-Key)", result.commands().stream().filter(c -> c.attempts() > 1).count());
        row(md, "reads sent", result.calls().stream().filter(c -> c.service() == Target.QUERY_API).count());
        row(md, "faults injected (SIGKILL and restart)", result.faults().stream().filter(Fault::injected).count());
        row(md, "events in the event store", result.store().events());
        row(md, "lost (2xx but not in the event store)", result.store().lost());
        row(md, "duplicated (in the event store more often than sent)", result.store().duplicated());
        row(md, "5xx other than 503 with Retry-After", result.forbiddenServerErrors().size());
        long unavailable = result.calls().stream().filter(c -> c.status() == 503 && c.retryAfter()).count();
        long unavailableOutside = result.calls().stream().filter(c -> c.status() == 503 && c.retryAfter())
                .filter(c -> result.faults().stream().noneMatch(f -> f.covers(c.atMillis(), OUTAGE_MARGIN_MILLIS)))
                .count();
        row(md, "503 with Retry-After (allowed), of which outside an outage", unavailable + ", " + unavailableOutside);
        row(md, "no answer (connection refused or reset)", result.calls().stream().filter(c -> c.status() == Call.NO_ANSWER).count());
        row(md, "views diverging from a fold of the event store", result.divergentViews().size());
        StockAudit.Result stock = result.stock();
        row(md, "products, orders (by final status)", stock.products() + ", " + stock.orders() + " " + stock.ordersByStatus());
        row(md, "stock levels negative / miscounted", stock.negative() + " / " + stock.miscounted());
        row(md, "order reservations unbalanced / orders left pending", stock.unbalanced() + " / " + stock.pending());
        MailAudit.Result mail = result.mail();
        row(md, "e-mails received / expected", mail.received() + " / " + mail.expected());
        row(md, "e-mails sent twice (of which with the same Message-ID; allowed) / missing",
                mail.sentTwice() + " (" + mail.sameMessageId() + "; at most " + result.allowedResends() + ") / "
                        + mail.missing());

        md.append("\n## Commands by kind\n\n| command | sent | 2xx | refused | unknown |\n|---|---|---|---|---|\n");
        for (Command.Kind kind : Command.Kind.values()) {
            List<Command> ofKind = result.commands().stream().filter(c -> c.kind() == kind).toList();
            md.append("| ").append(kind.label()).append(" | ").append(ofKind.size()).append(" | ")
                    .append(count(ofKind, Command.Outcome.ACKED)).append(" | ").append(count(ofKind, Command.Outcome.REFUSED))
                    .append(" | ").append(count(ofKind, Command.Outcome.UNKNOWN)).append(" |\n");
        }

        md.append("\n## Faults\n\nEach target got SIGKILL (with its child processes) while the load ran, stayed down ")
                .append(result.plan().down().toSeconds()).append(" s and was started again on the same port and data.\n\n")
                .append("| target | killed at | ready again after | answers during the outage (2xx / 503 / none / other) |\n|---|---|---|---|\n");
        for (Fault fault : result.faults()) {
            if (!fault.injected()) {
                md.append("| ").append(fault.target().label()).append(" | not killed: ").append(fault.skipped()).append(" | | |\n");
                continue;
            }
            List<Call> during = result.calls().stream().filter(c -> fault.covers(c.atMillis(), 0)).toList();
            md.append("| ").append(fault.target().label()).append(" | ").append(FaultInjector.seconds(fault.killedAtMillis()))
                    .append(" | ").append(FaultInjector.seconds(fault.healthyAtMillis() - fault.killedAtMillis()))
                    .append(" | ").append(during.stream().filter(Call::ok).count()).append(" / ")
                    .append(during.stream().filter(c -> c.status() == 503).count()).append(" / ")
                    .append(during.stream().filter(c -> c.status() == Call.NO_ANSWER).count()).append(" / ")
                    .append(during.stream().filter(c -> !c.ok() && c.status() != 503 && c.status() != Call.NO_ANSWER).count())
                    .append(" |\n");
        }
        if (!postgresOwned) {
            md.append("\nPostgreSQL is a shared server of the machine here (`TRIBUTARY_POSTGRES_URL`), so the run did not kill it.\n");
        }

        md.append("\n## Convergence after the load stopped\n\n| what | converged after | last verification |\n|---|---|---|\n");
        for (String what : result.converging()) {
            Duration after = result.convergence().get(what);
            JsonNode verification = result.finalViews().get(what);
            md.append("| ").append(what).append(" | ").append(after == null ? "not within " + result.plan().convergence().toSeconds() + " s"
                    : FaultInjector.seconds(after.toMillis())).append(" | ")
                    .append(verification == null ? "" : summary(verification)).append(" |\n");
        }

        List<String> examples = new java.util.ArrayList<>();
        examples.addAll(result.store().examples());
        examples.addAll(result.stock().examples());
        examples.addAll(result.mail().examples());
        result.forbiddenServerErrors().stream().limit(10).forEach(call -> examples.add(call.service().label() + " answered "
                + call.status() + " at " + FaultInjector.seconds(call.atMillis()) + ": " + abbreviate(call.body())));
        result.finalViews().forEach((view, verification) -> {
            if (!ViewConvergence.consistent(verification)) {
                examples.add(view + ": " + abbreviate(verification.toString()));
            }
        });
        if (!examples.isEmpty()) {
            md.append("\n## Examples of what failed\n\n");
            examples.forEach(example -> md.append("- ").append(example).append('\n'));
        }
        return md.toString();
    }

    private static String summary(JsonNode verification) {
        if (verification.has("error")) {
            return "error: " + abbreviate(verification.get("error").asText());
        }
        return String.format(Locale.ROOT, "%s: %d documents, %d missing, %d behind, %d different, %d unexpected",
                verification.path("consistent").asBoolean() ? "consistent" : "DIVERGENT",
                verification.path("documents").asLong(), verification.path("missing").asLong(),
                verification.path("behind").asLong(), verification.path("different").asLong(),
                verification.path("unexpected").asLong());
    }

    private static long count(List<Command> commands, Command.Outcome outcome) {
        return commands.stream().filter(c -> c.outcome() == outcome).count();
    }

    private static void row(StringBuilder md, String figure, Object value) {
        md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
