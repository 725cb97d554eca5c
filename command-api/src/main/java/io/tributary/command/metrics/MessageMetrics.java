package io.tributary.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.function.Function;

/**
 * Axon's meters for the command bus, the event bus and the event processors (counts and timers per message type, the
 * processors' latency), with the same names and tags as Axon's own registry, but without its {@code capacity} gauges,
 * and with each message type's meters registered once ({@link PayloadTypeMeters}).
 *
 * <p>Axon computes a capacity gauge from every handling time of the last ten minutes, each kept in memory: under a
 * few hundred commands per second, the command bus, the relay and the order saga held millions of them, the largest
 * part of the heap, until the instance ran out of memory. The same figure comes from the timers:
 * {@code rate(commandBus_allTimer_seconds_sum[1m])} is the number of handlers busy on average.
 */
class MessageMetrics extends GlobalMetricRegistry {

    private static final String EVENT_PROCESSOR = "eventProcessor";

    MessageMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                                  String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return eventProcessor(componentName);
        }
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return new PayloadTypeMeters(componentName, getRegistry(), MessageMetrics::payloadType,
                    MessageMetrics::payloadType);
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            // As Axon meters its event bus: counted in all, timed per event type.
            return new PayloadTypeMeters(componentName, getRegistry(), type -> Tags.empty(),
                    MessageMetrics::payloadType);
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }

    private MessageMonitor<EventMessage<?>> eventProcessor(String processorName) {
        MessageMonitor<? super EventMessage<?>> latency = EventProcessorLatencyMonitor.builder()
                .meterNamePrefix(EVENT_PROCESSOR)
                .meterRegistry(getRegistry())
                .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, processorName))
                .build();
        Function<Class<?>, Tags> byPayloadType = type -> payloadType(type)
                .and(TagsUtil.PROCESSOR_NAME_TAG, processorName);
        return new MultiMessageMonitor<>(
                new PayloadTypeMeters(EVENT_PROCESSOR, getRegistry(), byPayloadType, byPayloadType),
                latency);
    }

    private static Tags payloadType(Class<?> type) {
        return Tags.of(TagsUtil.PAYLOAD_TYPE_TAG, type.getSimpleName());
    }
}
