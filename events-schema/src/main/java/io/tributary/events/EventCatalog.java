package io.tributary.events;

import io.tributary.events.user.UserRegistered;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every published event type, looked up by Java type or by CloudEvents type. */
public final class EventCatalog {

    private static final List<EventDescriptor> DESCRIPTORS = List.of(
            EventDescriptor.of(UserRegistered.class, AggregateType.USER, "registered", 1));

    private static final Map<Class<?>, EventDescriptor> BY_JAVA_TYPE = DESCRIPTORS.stream()
            .collect(Collectors.toUnmodifiableMap(EventDescriptor::javaType, Function.identity()));
    private static final Map<String, EventDescriptor> BY_CLOUD_EVENT_TYPE = DESCRIPTORS.stream()
            .collect(Collectors.toUnmodifiableMap(EventDescriptor::cloudEventType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventDescriptor> all() {
        return DESCRIPTORS;
    }

    public static EventDescriptor of(Class<?> javaType) {
        EventDescriptor descriptor = BY_JAVA_TYPE.get(javaType);
        if (descriptor == null) {
            throw new IllegalArgumentException("not a published event type: " + javaType.getName());
        }
        return descriptor;
    }

    public static Optional<EventDescriptor> byCloudEventType(String cloudEventType) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(cloudEventType));
    }
}
