package io.tributary.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.function.Function;

/**
 * Axon's meters for the command bus and the event processors (counts and timers per message type, the processors'
 * latency), with the same names and tags as Axon's own registry, but without its {@code capacity} gauges.
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
            return countedAndTimed(componentName);
        }
        // The event bus (the event store): counts and timers only, in Axon's registry as well.
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }

    private MessageMonitor<EventMessage<?>> eventProcessor(String processorName) {
        Function<Message<?>, Iterable<Tag>> byPayloadType = message -> Tags.of(
                TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(),
                TagsUtil.PROCESSOR_NAME_TAG, processorName);
        MessageMonitor<? super EventMessage<?>> latency = EventProcessorLatencyMonitor.builder()
                .meterNamePrefix(EVENT_PROCESSOR)
                .meterRegistry(getRegistry())
                .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, processorName))
                .build();
        return new MultiMessageMonitor<>(
                MessageTimerMonitor.buildMonitor(EVENT_PROCESSOR, getRegistry(), byPayloadType),
                latency,
                MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR, getRegistry(), byPayloadType));
    }

    /** Per message type, as Axon tags its buses. */
    private MessageMonitor<Message<?>> countedAndTimed(String meterNamePrefix) {
        Function<Message<?>, Iterable<Tag>> byPayloadType = TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION;
        return new MultiMessageMonitor<>(
                MessageTimerMonitor.buildMonitor(meterNamePrefix, getRegistry(), byPayloadType),
                MessageCountingMonitor.buildMonitor(meterNamePrefix, getRegistry(), byPayloadType));
    }
}
