package io.tributary.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a chaos run found.
 *
 * @param convergence  per view (and for the order sagas and the notifications), how long after the load stopped
 *                     it was first found converged; absent when it was not within the plan's bound
 * @param finalViews   each view's verification once everything had converged (or the bound passed)
 */
record ChaosResult(ChaosPlan plan, Instant started, Duration took, List<Command> commands, List<Call> calls,
                   List<Fault> faults, EventStoreAudit.Result store, StockAudit.Result stock, MailAudit.Result mail,
                   Map<String, Duration> convergence, List<String> converging, Map<String, JsonNode> finalViews) {

    /**
     * Mails a projections instance may have had accepted by the SMTP server but not yet logged as sent when it was
     * killed or lost its partitions, and so sends again with the same {@code Message-ID}: one per listener consumer,
     * {@code spring.kafka.listener.concurrency} (1) times the two topics that send mail (docs/notifications.md).
     */
    static final int RESENDS_PER_INTERRUPTED_INSTANCE = 2;

    /** 5xx the run fails on: all but a 503 with {@code Retry-After}. */
    List<Call> forbiddenServerErrors() {
        return calls.stream().filter(Call::forbiddenServerError).toList();
    }

    List<String> divergentViews() {
        return finalViews.entrySet().stream().filter(view -> !ViewConvergence.consistent(view.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    List<String> notConverged() {
        return converging.stream().filter(name -> !convergence.containsKey(name)).toList();
    }

    /** The reasons the run failed; empty when it passed. */
    List<String> failures() {
        List<String> failures = new java.util.ArrayList<>();
        if (store.lost() > 0) {
            failures.add(store.lost() + " commands answered 2xx are missing from the event store");
        }
        if (store.duplicated() > 0) {
            failures.add(store.duplicated() + " effects are in the event store more often than the commands allow");
        }
        if (!forbiddenServerErrors().isEmpty()) {
            failures.add(forbiddenServerErrors().size() + " answers were a 5xx other than 503 with Retry-After");
        }
        if (!divergentViews().isEmpty()) {
            failures.add("views differ from a fold of the event store: " + divergentViews());
        }
        if (!notConverged().isEmpty()) {
            failures.add("not converged within " + plan.convergence().toSeconds() + " s: " + notConverged());
        }
        if (!stock.clean()) {
            failures.add("stock: " + stock.negative() + " negative, " + stock.miscounted() + " miscounted, "
                    + stock.unbalanced() + " unbalanced reservations, " + stock.pending() + " orders still pending");
        }
        if (mail.newMessageIds() > 0) {
            failures.add(mail.newMessageIds() + " e-mails were sent twice, with a Message-ID of their own");
        }
        if (mail.sameMessageId() > allowedResends()) {
            failures.add(mail.sameMessageId() + " e-mails were sent again with the same Message-ID, more than the "
                    + allowedResends() + " the killed projections and broker may cost");
        }
        if (mail.missing() > 0) {
            failures.add(mail.missing() + " e-mails the events call for never arrived");
        }
        return failures;
    }

    /**
     * Resends (same {@code Message-ID}) within the documented bound: per kill of the projections (an instance
     * stopped mid-batch) and of Kafka (the consumers' partitions lost), {@link #RESENDS_PER_INTERRUPTED_INSTANCE}.
     */
    long allowedResends() {
        return faults.stream().filter(Fault::injected)
                .filter(fault -> fault.target() == Target.PROJECTIONS || fault.target() == Target.KAFKA)
                .count() * RESENDS_PER_INTERRUPTED_INSTANCE;
    }

    boolean passed() {
        return failures().isEmpty();
    }
}
