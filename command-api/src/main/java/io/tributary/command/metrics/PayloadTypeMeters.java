package io.tributary.command.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The counters and timers of Axon's {@code MessageCountingMonitor} and {@code MessageTimerMonitor} (the same names,
 * tags and percentiles), registered once per payload type instead of looked up again for every message. Axon's
 * monitors ask the registry for their four timers and five counters on every message, building their ids and tags
 * each time; the command bus, the event bus and both event processors see every command or event, and those lookups
 * were about a twentieth of the command API's CPU under a steady load of commands.
 */
final class PayloadTypeMeters implements MessageMonitor<Message<?>> {

    private final String prefix;
    private final MeterRegistry registry;
    private final Function<Class<?>, Tags> counterTags;
    private final Function<Class<?>, Tags> timerTags;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    /**
     * @param counterTags the counters' tags for a payload type
     * @param timerTags   the timers' tags for a payload type
     */
    PayloadTypeMeters(String prefix, MeterRegistry registry, Function<Class<?>, Tags> counterTags,
                      Function<Class<?>, Tags> timerTags) {
        this.prefix = prefix;
        this.registry = registry;
        this.counterTags = counterTags;
        this.timerTags = timerTags;
        this.clock = registry.config().clock();
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::register);
        meters.ingested.increment();
        long started = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.success.increment();
                meters.processed.increment();
                record(meters.successTimer);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.failure.increment();
                meters.processed.increment();
                record(meters.failureTimer);
            }

            @Override
            public void reportIgnored() {
                meters.ignored.increment();
                record(meters.ignoredTimer);
            }

            private void record(Timer outcome) {
                long elapsed = clock.monotonicTime() - started;
                meters.allTimer.record(elapsed, TimeUnit.NANOSECONDS);
                outcome.record(elapsed, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Meters register(Class<?> payloadType) {
        Tags counted = counterTags.apply(payloadType);
        Tags timed = timerTags.apply(payloadType);
        return new Meters(counter("ingestedCounter", counted), counter("successCounter", counted),
                counter("failureCounter", counted), counter("processedCounter", counted),
                counter("ignoredCounter", counted), timer("allTimer", timed), timer("successTimer", timed),
                timer("failureTimer", timed), timer("ignoredTimer", timed));
    }

    private Counter counter(String name, Tags tags) {
        return registry.counter(prefix + "." + name, tags);
    }

    /** As Axon configures its timers: percentiles over the last ten minutes. */
    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + "." + name)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .tags(tags)
                .register(registry);
    }

    private record Meters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                          Timer allTimer, Timer successTimer, Timer failureTimer, Timer ignoredTimer) {
    }
}
