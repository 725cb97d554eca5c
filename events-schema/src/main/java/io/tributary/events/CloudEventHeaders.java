package io.tributary.events;

/**
 * Kafka header names of the CloudEvents Kafka protocol binding (binary content mode), plus Tributary's
 * extension attributes. The record key is the aggregate id and the record value is the JSON payload.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    /** Extension: the aggregate type label (user, product, order). */
    public static final String AGGREGATE_TYPE = "ce_aggregatetype";
    /** Extension: the aggregate version this event produced (1 for the first event of an aggregate). */
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    /** Extension: the event's global position in the event store. */
    public static final String POSITION = "ce_position";
    /** W3C trace context, so a trace continues from the command to every projection. */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
