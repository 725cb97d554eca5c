package io.tributary.bench.scenario;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RelayDelaysTest {

    private static final Instant RECORDED = Instant.parse("2026-11-28T12:00:00.250Z");

    @Test
    void theDelayIsFromTheEventsRecordingToTheRecordsTimestamp() {
        assertThat(RelayDelays.delayOf(record(RECORDED.toEpochMilli() + 42, RECORDED.toString())))
                .hasValue(42);
    }

    @Test
    void aRecordStampedBeforeItsEventCountsAsNoDelay() {
        assertThat(RelayDelays.delayOf(record(RECORDED.toEpochMilli() - 3, RECORDED.toString()))).hasValue(0);
    }

    @Test
    void aRecordWithoutAReadableEventTimeIsLeftOut() {
        assertThat(RelayDelays.delayOf(record(RECORDED.toEpochMilli(), null))).isEmpty();
        assertThat(RelayDelays.delayOf(record(RECORDED.toEpochMilli(), "yesterday"))).isEmpty();
    }

    private static ConsumerRecord<String, String> record(long timestamp, String time) {
        RecordHeaders headers = new RecordHeaders();
        if (time != null) {
            headers.add("ce_time", time.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(SyntheticBacklog.USERS_TOPIC, 0, 7, timestamp, TimestampType.CREATE_TIME, -1, -1,
                "key", "value", headers, Optional.empty());
    }
}
