package io.tributary.projections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.WriteOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per projection: the highest global event-store position applied (the base for lag and read-your-writes
 * checks), events by outcome, how long after its recording each event was applied, failed attempts, and records
 * sent to a dead-letter topic.
 */
@Component
public class ProjectionMetrics {

    static final String POSITION = "tributary.projection.position";
    static final String EVENTS = "tributary.projection.events";
    static final String DELAY = "tributary.projection.delay";
    static final String FAILED_ATTEMPTS = "tributary.projection.failed.attempts";
    static final String DEAD_LETTERS = "tributary.projection.dead.letters";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> positions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastEventTimes = new ConcurrentHashMap<>();
    private final Map<String, Timer> delays = new ConcurrentHashMap<>();
    private final Map<Handled, Counter> events = new ConcurrentHashMap<>();

    @Autowired
    public ProjectionMetrics(MeterRegistry registry, List<Projection> projections) {
        this(registry, projections, Clock.systemUTC());
    }

    ProjectionMetrics(MeterRegistry registry, List<Projection> projections, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        projections.forEach(projection -> {
            positionOf(projection.name());
            delayOf(projection.name());
        });
    }

    /**
     * An event the projection is done with. One it applied also counts towards its delay: from when the command
     * recorded it to now, when the view holds it (or its e-mail is sent), which is how stale a reader finds the view.
     * The command API's clock stamped the event; a delay a clock behind it would make negative counts as none.
     */
    public void handled(String projection, EventEnvelope event, WriteOutcome outcome) {
        positionOf(projection).accumulateAndGet(event.position(), Math::max);
        lastEventTimes.merge(projection, event.time(), (known, next) -> next.isAfter(known) ? next : known);
        events.computeIfAbsent(new Handled(projection, outcome), key -> Counter.builder(EVENTS)
                        .description("Events handled by a projection, by outcome")
                        .tag("projection", key.projection())
                        .tag("outcome", key.outcome().label())
                        .register(registry))
                .increment();
        if (outcome == WriteOutcome.APPLIED) {
            Duration delay = Duration.between(event.time(), clock.instant());
            delayOf(projection).record(delay.isNegative() ? Duration.ZERO : delay);
        }
    }

    /**
     * @param reason why a failure is waited out ({@code store-unavailable}, {@code mail-server-unavailable},
     *               {@code recipient-not-known-yet}, {@code rebuild-handing-over}), or {@code gap} or {@code error}
     *               (both retried a bounded number of times)
     */
    public void failedAttempt(String projection, String reason) {
        Counter.builder(FAILED_ATTEMPTS)
                .description("Failed attempts to apply a record, before a retry")
                .tag("projection", projection)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** @param reason {@code unreadable}, {@code gap} or {@code retries-exhausted} */
    public void deadLettered(String projection, String topic, String reason) {
        Counter.builder(DEAD_LETTERS)
                .description("Records a projection gave up on and sent to the dead-letter topic")
                .tag("projection", projection)
                .tag("topic", topic)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** The highest global position this projection has applied since the process started; -1 before the first. */
    public long position(String projection) {
        return positionOf(projection).get();
    }

    /** When the newest event this projection has applied was recorded; empty before the first. */
    public Optional<Instant> lastEventTime(String projection) {
        return Optional.ofNullable(lastEventTimes.get(projection));
    }

    private Timer delayOf(String projection) {
        return delays.computeIfAbsent(projection, name -> Timer.builder(DELAY)
                .description("From an event's recording by the command API to the projection having applied it")
                .tag("projection", name)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry));
    }

    private AtomicLong positionOf(String projection) {
        return positions.computeIfAbsent(projection, name -> {
            AtomicLong position = new AtomicLong(-1);
            Gauge.builder(POSITION, position, AtomicLong::get)
                    .description("Highest global event-store position applied by the projection")
                    .tag("projection", name)
                    .register(registry);
            return position;
        });
    }

    private record Handled(String projection, WriteOutcome outcome) {
    }
}
