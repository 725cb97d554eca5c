package io.tributary.events;

/**
 * What consumers need to know about one event type at its current revision.
 *
 * @param cloudEventType the CloudEvents {@code type} attribute, e.g. {@code io.tributary.user.registered.v1}
 * @param schemaResource classpath location of the JSON Schema of the payload
 */
public record EventDescriptor(Class<? extends DomainEvent> javaType,
                              AggregateType aggregateType,
                              String cloudEventType,
                              int revision,
                              String schemaResource) {

    /** Derives every name from the aggregate type, a short event name and the revision. */
    static EventDescriptor of(Class<? extends DomainEvent> javaType, AggregateType aggregateType,
                              String eventName, int revision) {
        String label = aggregateType.label();
        return new EventDescriptor(javaType, aggregateType,
                "io.tributary." + label + "." + eventName + ".v" + revision,
                revision,
                "schemas/" + label + "/" + eventName + ".v" + revision + ".json");
    }

    /** The CloudEvents {@code dataschema} attribute: a stable URN for the payload schema. */
    public String dataSchema() {
        return "urn:tributary:schema:" + aggregateType.label() + ":" + cloudEventType;
    }
}
