package io.tributary.command.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the source of the pooled streaming processors (the Kafka relay, the order saga), waking
 * them as soon as new events are committed.
 * <p>
 * The streams of Axon's embedded event store cannot call back when events arrive, so a pooled processor that
 * caught up polls them every 500 ms: on average a quarter of a second between a command's commit and its
 * event on Kafka. Here one thread tails the store's shared cache of recent events (which the store refills
 * right after each commit, without another query when the processors are caught up) and wakes every open
 * stream when something new is in it.
 */
@Component
public class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);
    private static final long RETRY_MILLIS = 1000;

    private final EventStore eventStore;
    private final Set<Runnable> wakeUps = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;

    public WakingEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public void start() {
        // The head is taken before start() returns, so no event committed afterwards can slip past the watcher.
        BlockingStream<TrackedEventMessage<?>> head = openHeadQuietly();
        Thread thread = Thread.ofPlatform().daemon().name("event-store-wake-up").unstarted(() -> watch(head));
        watcher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = watcher;
        watcher = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }

    private void watch(BlockingStream<TrackedEventMessage<?>> first) {
        BlockingStream<TrackedEventMessage<?>> head = first;
        try {
            while (watcher == Thread.currentThread()) {
                if (head == null) {
                    Thread.sleep(RETRY_MILLIS);
                    head = openHeadQuietly();
                } else if (!wakeOnNewEvents(head)) {
                    head.close();
                    head = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (head != null) {
                head.close();
            }
        }
    }

    /** False when the stream failed and must be opened again. */
    private boolean wakeOnNewEvents(BlockingStream<TrackedEventMessage<?>> head) throws InterruptedException {
        try {
            if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                do {
                    head.nextAvailable();
                } while (head.hasNextAvailable());
                wakeUps.forEach(Runnable::run);
            }
            return true;
        } catch (RuntimeException e) {
            // Nothing is lost meanwhile: the processors still look for events every token claim interval.
            log.warn("cannot tail the event store ({}); retrying in {} ms", e.getMessage(), RETRY_MILLIS);
            return false;
        }
    }

    private BlockingStream<TrackedEventMessage<?>> openHeadQuietly() {
        try {
            return eventStore.openStream(eventStore.createHeadToken());
        } catch (RuntimeException e) {
            log.warn("cannot open the event store's head ({}); retrying in {} ms", e.getMessage(), RETRY_MILLIS);
            return null;
        }
    }

    /** A stream of the event store that accepts an availability callback and forgets it when closed. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable wakeUp;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = wakeUp;
            if (previous != null) {
                wakeUps.remove(previous);
            }
            wakeUp = callback;
            wakeUps.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = wakeUp;
            if (registered != null) {
                wakeUps.remove(registered);
            }
            delegate.close();
        }
    }
}
