package io.tributary.projections.envelope;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.EventCatalog;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeParserTest {

    private static final String USER_ID = "3f0c6a36-8a5e-4a4b-9d43-5f2f4f1b2c11";
    private static final String REGISTERED = "io.tributary.user.registered.v1";
    private static final String TRACEPARENT = "00-4d4ee7095eee69db8608e4fdc3c78926-bbb3fda01844fc99-01";

    private final EnvelopeParser parser = new EnvelopeParser(new ObjectMapper());

    @Test
    void decodesAttributesAndPayloadOfAUserRegistration() {
        EventEnvelope event = parser.parse(record(REGISTERED,
                "{\"userId\":\"" + USER_ID + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}"));

        assertThat(event.id()).isEqualTo("event-1");
        assertThat(event.type()).isEqualTo(REGISTERED);
        assertThat(event.subject()).isEqualTo(USER_ID);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
        assertThat(event.aggregateVersion()).isEqualTo(1);
        assertThat(event.position()).isEqualTo(42);
        assertThat(event.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(event.data()).isEqualTo(new UserRegistered(USER_ID, "Ada", "ada@example.com"));
    }

    @Test
    void aRegistrationMayNameItsOwnerAndOneStoredBeforeOwnersExistedHasNone() {
        EventEnvelope owned = parser.parse(record(REGISTERED,
                "{\"userId\":\"" + USER_ID + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"subject\":\"kc-ada\"}"));

        assertThat(owned.data()).isEqualTo(new UserRegistered(USER_ID, "Ada", "ada@example.com", "kc-ada"));
        assertThat(parser.decode(EventCatalog.of(UserRegistered.class), JsonNodeFactory.instance.objectNode()
                .put("userId", USER_ID).put("name", "Ada").put("email", "ada@example.com")))
                .as("without the field, as stored before it was added")
                .isEqualTo(new UserRegistered(USER_ID, "Ada", "ada@example.com", null));
    }

    @Test
    void aPayloadLackingAFieldItsSchemaRequiresIsUnreadable() {
        assertThatThrownBy(() -> parser.parse(record(REGISTERED, "{\"userId\":\"" + USER_ID + "\",\"name\":\"Ada\"}")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("lacks email");
        assertThatThrownBy(() -> parser.parse(record("io.tributary.user.profile-changed.v1",
                "{\"userId\":\"" + USER_ID + "\",\"name\":\"Ada\",\"age\":null}")))
                .as("a nullable field must still be there")
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("lacks bio");
    }

    @Test
    void acceptsExplicitNullsWhereTheSchemaAllowsThem() {
        EventEnvelope event = parser.parse(record("io.tributary.user.profile-changed.v1",
                "{\"userId\":\"" + USER_ID + "\",\"name\":\"Ada\",\"age\":null,\"bio\":null}"));

        assertThat(event.data()).isEqualTo(new UserProfileChanged(USER_ID, "Ada", null, null));
    }

    @Test
    void ignoresPayloadFieldsItDoesNotKnow() {
        EventEnvelope event = parser.parse(record(REGISTERED,
                "{\"userId\":\"" + USER_ID + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"extra\":1}"));

        assertThat(event.data()).isEqualTo(new UserRegistered(USER_ID, "Ada", "ada@example.com"));
    }

    @Test
    void traceparentIsOptional() {
        ConsumerRecord<String, byte[]> record = validRegistration();
        record.headers().remove(CloudEventHeaders.TRACEPARENT);

        assertThat(parser.parse(record).traceparent()).isNull();
    }

    @Test
    void rejectsAnUnknownEventType() {
        assertThatThrownBy(() -> parser.parse(record("io.tributary.user.teleported.v1", "{}")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("unknown event type io.tributary.user.teleported.v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json at all",
            "[1,2,3]",
            "{\"userId\":\"" + USER_ID + "\",\"name\":\"Ada\"}",
            "{\"userId\":\"someone-else\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
            "null"
    })
    void rejectsAPayloadThatIsNotTheAnnouncedEvent(String payload) {
        assertThatThrownBy(() -> parser.parse(record(REGISTERED, payload)))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void rejectsARecordWithoutPayload() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("tributary.users", 0, 0, USER_ID, null);
        validRegistration().headers().forEach(header -> record.headers().add(header));

        assertThatThrownBy(() -> parser.parse(record)).isInstanceOf(UnreadableEventException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT,
            CloudEventHeaders.TIME, CloudEventHeaders.AGGREGATE_VERSION, CloudEventHeaders.POSITION
    })
    void rejectsARecordMissingARequiredAttribute(String header) {
        ConsumerRecord<String, byte[]> record = validRegistration();
        record.headers().remove(header);

        assertThatThrownBy(() -> parser.parse(record))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            CloudEventHeaders.SPEC_VERSION + "=0.3",
            CloudEventHeaders.CONTENT_TYPE + "=application/xml",
            CloudEventHeaders.TIME + "=yesterday",
            CloudEventHeaders.AGGREGATE_VERSION + "=0",
            CloudEventHeaders.AGGREGATE_VERSION + "=one",
            CloudEventHeaders.POSITION + "=-1",
            CloudEventHeaders.SUBJECT + "=someone-else"
    })
    void rejectsAMalformedAttribute(String headerAndValue) {
        String[] parts = headerAndValue.split("=", 2);
        ConsumerRecord<String, byte[]> record = validRegistration();
        record.headers().remove(parts[0]);
        record.headers().add(parts[0], parts[1].getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> parser.parse(record)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void aRepeatedAttributeCountsByItsLastHeader() {
        ConsumerRecord<String, byte[]> record = validRegistration();
        header(record, CloudEventHeaders.POSITION, "43");
        header(record, CloudEventHeaders.ID, "event-2");

        EventEnvelope event = parser.parse(record);

        assertThat(event.position()).isEqualTo(43);
        assertThat(event.id()).isEqualTo("event-2");
    }

    @Test
    void aHeaderWithoutValueIsAMissingAttribute() {
        ConsumerRecord<String, byte[]> record = validRegistration();
        record.headers().add(CloudEventHeaders.TYPE, null);

        assertThatThrownBy(() -> parser.parse(record))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(CloudEventHeaders.TYPE);
    }

    @Test
    void rejectsARecordKeyedByAnotherAggregate() {
        ConsumerRecord<String, byte[]> valid = validRegistration();
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>("tributary.users", 0, 0, "another-key", valid.value());
        valid.headers().forEach(header -> record.headers().add(header));

        assertThatThrownBy(() -> parser.parse(record))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("another-key");
    }

    private static ConsumerRecord<String, byte[]> validRegistration() {
        return record(REGISTERED, "{\"userId\":\"" + USER_ID + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
    }

    private static ConsumerRecord<String, byte[]> record(String type, String payload) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("tributary.users", 0, 0, USER_ID,
                payload.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, "event-1");
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, "/tributary/command-api");
        header(record, CloudEventHeaders.SUBJECT, USER_ID);
        header(record, CloudEventHeaders.TIME, "2026-11-22T10:15:30.123Z");
        header(record, CloudEventHeaders.DATA_SCHEMA, "urn:tributary:schema:user:" + type);
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        header(record, CloudEventHeaders.AGGREGATE_TYPE, "user");
        header(record, CloudEventHeaders.AGGREGATE_VERSION, "1");
        header(record, CloudEventHeaders.POSITION, "42");
        header(record, CloudEventHeaders.TRACEPARENT, TRACEPARENT);
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
