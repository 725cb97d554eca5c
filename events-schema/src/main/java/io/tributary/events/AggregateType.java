package io.tributary.events;

import java.util.Arrays;

/** The aggregate types of the write side; each has its own Kafka topic, keyed by aggregate id. */
public enum AggregateType {
    USER("user", "tributary.users"),
    PRODUCT("product", "tributary.products"),
    ORDER("order", "tributary.orders");

    private final String label;
    private final String topic;

    AggregateType(String label, String topic) {
        this.label = label;
        this.topic = topic;
    }

    /** Lower-case name used in tokens, CloudEvents type names and headers. */
    public String label() {
        return label;
    }

    public String topic() {
        return topic;
    }

    public static AggregateType fromLabel(String label) {
        return Arrays.stream(values())
                .filter(type -> type.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown aggregate type: " + label));
    }
}
