package io.tributary.command.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
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

    @SuppressWarnings("unchecked")
    private MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String name) {
        return (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(componentType, name);
    }
}
