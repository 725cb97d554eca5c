package io.tributary.command.eventstore;

import io.tributary.command.CommandApiIntegrationTest;
import io.tributary.events.user.UserRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC storage engine against the migrated event table. */
class EventStorageIT extends CommandApiIntegrationTest {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsAreAppendedWithAGlobalIndexFromTheDatabaseAndReadBackInOrder() {
        String userId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> storage.appendEvents(event(userId, 0, "First"), event(userId, 1, "Second")));

        List<? extends DomainEventMessage<?>> read = transactions.execute(status -> storage.readEvents(userId).asStream().toList());
        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(read).extracting(message -> ((UserRegistered) message.getPayload()).name()).containsExactly("First", "Second");
        List<Long> indexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", Long.class, userId);
        assertThat(indexes).hasSize(2);
        assertThat(indexes.get(1)).isEqualTo(indexes.get(0) + 1);
        assertThat(jdbc.queryForObject("SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                String.class, userId)).isEqualTo("User");
    }

    @Test
    void aSecondAppendOfAnAggregateVersionIsAConcurrencyConflictAndKeepsTheFirst() {
        String userId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> storage.appendEvents(event(userId, 0, "First"), event(userId, 1, "Second")));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> storage.appendEvents(event(userId, 1, "Other"))))
                .isInstanceOf(ConcurrencyException.class);
        List<? extends DomainEventMessage<?>> read = transactions.execute(status -> storage.readEvents(userId).asStream().toList());
        assertThat(read).extracting(message -> ((UserRegistered) message.getPayload()).name()).containsExactly("First", "Second");
    }

    private static DomainEventMessage<UserRegistered> event(String userId, long sequence, String name) {
        return new GenericDomainEventMessage<>("User", userId, sequence,
                new UserRegistered(userId, name, name.toLowerCase() + "-" + userId + "@example.com", null));
    }
}
