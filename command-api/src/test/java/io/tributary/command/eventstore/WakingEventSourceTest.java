package io.tributary.command.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WakingEventSourceTest {

    private EmbeddedEventStore eventStore;
    private WakingEventSource source;

    @BeforeEach
    void start() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        source = new WakingEventSource(eventStore);
        source.start();
    }

    @AfterEach
    void stop() {
        source.stop();
        eventStore.shutDown();
    }

    @Test
    void wakesAnOpenStreamForEveryNewEventAndHandsItTheEvent() throws InterruptedException {
        Semaphore wakeUps = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            assertThat(stream.setOnAvailableCallback(wakeUps::release)).isTrue();

            eventStore.publish(GenericEventMessage.asEventMessage("first"));
            assertThat(wakeUps.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");

            wakeUps.drainPermits();
            eventStore.publish(GenericEventMessage.asEventMessage("second"));
            assertThat(wakeUps.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
        }
    }

    @Test
    void forgetsTheCallbackOfAClosedStream() throws InterruptedException {
        Semaphore closedWakeUps = new Semaphore(0);
        Semaphore openWakeUps = new Semaphore(0);
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(source.createTailToken());
        closed.setOnAvailableCallback(closedWakeUps::release);
        closed.close();

        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(source.createTailToken())) {
            open.setOnAvailableCallback(openWakeUps::release);
            eventStore.publish(GenericEventMessage.asEventMessage("event"));
            assertThat(openWakeUps.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(closedWakeUps.availablePermits()).isZero();
    }
}
