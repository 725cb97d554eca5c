package io.tributary.command.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessageMetrics metrics = new MessageMetrics(registry);

    record PlaceSomething(String id) {
    }

    record SomethingPlaced(String id) {
    }

    @Test
    void theCommandBusIsCountedAndTimedPerCommandTypeWithoutACapacityGauge() {
        MessageMonitor<Message<?>> monitor = monitorOf(CommandBus.class, "commandBus");

        for (int i = 0; i < 3; i++) {
            monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new PlaceSomething("p" + i)))
                    .reportSuccess();
        }

        assertThat(registry.get("commandBus.successCounter").tag("payloadType", "PlaceSomething").counter().count())
                .isEqualTo(3);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "PlaceSomething").timer().count())
                .isEqualTo(3);
        assertThat(registry.find("commandBus.capacity").meters()).isEmpty();
    }

    @Test
    void eventProcessorsAreCountedTimedAndTheirLatencyGaugedWithoutACapacityGauge() {
        MessageMonitor<Message<?>> monitor = monitorOf(EventProcessor.class, "kafka-relay");

        monitor.onMessageIngested(GenericEventMessage.asEventMessage(new SomethingPlaced("p"))).reportSuccess();

        assertThat(registry.get("eventProcessor.processedCounter")
                .tags("payloadType", "SomethingPlaced", "processorName", "kafka-relay").counter().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.allTimer").tag("processorName", "kafka-relay").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "kafka-relay").gauge()).isNotNull();
        assertThat(registry.find("eventProcessor.capacity").meters()).isEmpty();
    }

    @Test
    void failuresAndIgnoredMessagesAreCountedAndTimedApart() {
        MessageMonitor<Message<?>> monitor = monitorOf(CommandBus.class, "commandBus");

        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new PlaceSomething("p1")))
                .reportFailure(new IllegalStateException("refused"));
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new PlaceSomething("p2"))).reportIgnored();

        assertThat(counter("commandBus.ingestedCounter", "payloadType", "PlaceSomething")).isEqualTo(2);
        assertThat(counter("commandBus.failureCounter", "payloadType", "PlaceSomething")).isEqualTo(1);
        assertThat(counter("commandBus.processedCounter", "payloadType", "PlaceSomething")).isEqualTo(1);
        assertThat(counter("commandBus.ignoredCounter", "payloadType", "PlaceSomething")).isEqualTo(1);
        assertThat(counter("commandBus.successCounter", "payloadType", "PlaceSomething")).isZero();
        assertThat(registry.get("commandBus.failureTimer").tag("payloadType", "PlaceSomething").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("commandBus.ignoredTimer").tag("payloadType", "PlaceSomething").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "PlaceSomething").timer().count())
                .isEqualTo(2);
    }

    @Test
    void theEventBusIsCountedInAllAndTimedPerEventTypeAsAxonMetersIt() {
        MessageMonitor<Message<?>> monitor = monitorOf(EventBus.class, "eventStore");

        monitor.onMessageIngested(GenericEventMessage.asEventMessage(new SomethingPlaced("p"))).reportSuccess();
        monitor.onMessageIngested(GenericEventMessage.asEventMessage(new PlaceSomething("p"))).reportSuccess();

        assertThat(registry.get("eventStore.successCounter").counters()).singleElement()
                .satisfies(counter -> assertThat(counter.getId().getTags()).isEmpty())
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(2));
        assertThat(registry.get("eventStore.successTimer").tag("payloadType", "SomethingPlaced").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("eventStore.successTimer").tag("payloadType", "PlaceSomething").timer().count())
                .isEqualTo(1);
    }

    @Test
    void everyMessageOfATypeCountsOnTheSameMetersWithAxonsPercentiles() {
        MessageMonitor<Message<?>> monitor = monitorOf(CommandBus.class, "commandBus");
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new PlaceSomething("p1"))).reportSuccess();
        int meters = registry.getMeters().size();

        for (int i = 0; i < 100; i++) {
            monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new PlaceSomething("p" + i)))
                    .reportSuccess();
        }

        assertThat(registry.getMeters()).hasSize(meters);
        assertThat(registry.get("commandBus.successTimer").timer().takeSnapshot().percentileValues())
                .extracting(percentile -> percentile.percentile())
                .containsExactly(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);
    }

    private double counter(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    @SuppressWarnings("unchecked")
    private MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String name) {
        return (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(componentType, name);
    }
}
