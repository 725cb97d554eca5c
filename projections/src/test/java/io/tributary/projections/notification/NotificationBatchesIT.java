package io.tributary.projections.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestStack;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.envelope.UnreadableEventException;
import io.tributary.projections.tracing.RecordTraces;
import io.tributary.projections.view.ViewStoreUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.mail.MailSendException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.tributary.projections.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A poll of records through the notifications, against the stack's Mongo-protocol server and an SMTP server that
 * fails as told: a failing record fails alone, at its index, after its predecessors are sent and logged; the error
 * handler then goes on from that record (played here by handing the rest of the batch in again).
 */
class NotificationBatchesIT {

    private static final MongoClient MONGO = MongoClients.create(TestStack.shared(Server.MONGO).endpoints().mongoUri());

    private final MongoDatabase database = MONGO.getDatabase("notification_batches_" + UUID.randomUUID().toString()
            .substring(0, 8));
    private final ScriptedSmtpServer smtp = new ScriptedSmtpServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecipientDirectory recipients = new RecipientDirectory(
            new VersionedDocuments(database.getCollection(RecipientDirectory.COLLECTION)));
    /** Two mails per log write, so that a batch's mails go out in several runs. */
    private final Notifier notifier = new Notifier(new NotificationLog(database.getCollection(NotificationLog.COLLECTION)),
            MailDeliveryTest.delivery(smtp.port()), 2);
    private final WelcomeNotifications welcomes = new WelcomeNotifications(recipients, notifier);
    private final OrderNotifications orders = new OrderNotifications(
            new PlacedOrders(new VersionedDocuments(database.getCollection(PlacedOrders.COLLECTION))), recipients,
            notifier);
    private final NotificationBatches batches = new NotificationBatches(new EnvelopeParser(new ObjectMapper()),
            new ProjectionMetrics(meters, List.of(welcomes, orders)), new RecordTraces(Tracer.NOOP, Propagator.NOOP));
    private long position = 1;
    private long offset;

    @AfterEach
    void cleanUp() throws IOException {
        smtp.close();
        database.drop();
    }

    @AfterAll
    static void closeClient() {
        MONGO.close();
    }

    @Test
    void aRefusalInTheMiddleOfABatchFailsThatRecordAloneAfterItsPredecessorsAreSentAndLogged() {
        List<ConsumerRecord<String, byte[]>> batch = registrations(5, 2);

        BatchListenerFailedException failure = failureOf(welcomes, batch);

        assertThat(failure.getIndex()).isEqualTo(2);
        assertThat(failure).hasCauseInstanceOf(MailSendException.class);
        assertThat(failure.getCause()).isNotInstanceOf(ViewStoreUnavailableException.class);
        assertThat(smtp.accepted()).containsExactly(messageIds(batch, 0, 1));
        assertThat(logged()).containsExactlyInAnyOrder(eventIds(batch, 0, 1));
        assertThat(recipientEmail(batch.get(2).key())).as("recorded before its welcome was refused")
                .contains("refused2@example.com");
        assertThat(sentWithDelay()).as("mails sent, timed from their event's recording").isEqualTo(2);

        // Dead-lettered after its retries, the refused record is behind the group, which goes on after it.
        batches.handle(welcomes, batch.subList(3, 5));
        assertThat(smtp.accepted()).containsExactly(messageIds(batch, 0, 1, 3, 4));
        assertThat(logged()).containsExactlyInAnyOrder(eventIds(batch, 0, 1, 3, 4));
        assertThat(sentWithDelay()).isEqualTo(4);
    }

    private long sentWithDelay() {
        return meters.get("tributary.projection.delay").tag("projection", welcomes.name()).timer().count();
    }

    @Test
    void aConnectionDroppedMidBatchIsWaitedOutAndEveryMailIsSentOnce() {
        List<ConsumerRecord<String, byte[]>> batch = registrations(5, -1);
        smtp.dropConnectionAfter(2);

        BatchListenerFailedException failure = failureOf(welcomes, batch);

        assertThat(failure.getIndex()).isEqualTo(2);
        assertThat(failure).hasCauseInstanceOf(MailServerUnavailableException.class);
        assertThat(logged()).containsExactlyInAnyOrder(eventIds(batch, 0, 1));

        batches.handle(welcomes, batch.subList(2, 5));
        assertThat(smtp.accepted()).containsExactly(messageIds(batch, 0, 1, 2, 3, 4));
        assertThat(logged()).containsExactlyInAnyOrder(eventIds(batch, 0, 1, 2, 3, 4));
        assertThat(smtp.connections()).isEqualTo(2);
    }

    @Test
    void eachRunOfMailsHasItsIntentsLoggedBeforeItsFirstMailIsSentAndTheAcceptancesOfTheRunBefore() {
        List<ConsumerRecord<String, byte[]>> batch = registrations(5, -1);
        smtp.dropConnectionAfter(3);

        BatchListenerFailedException failure = failureOf(welcomes, batch);

        // Runs of two: 0 and 1 went out, then 2 and 3 were logged as intents with the acceptances of 0 and 1.
        assertThat(failure.getIndex()).isEqualTo(3);
        assertThat(smtp.accepted()).containsExactly(messageIds(batch, 0, 1, 2));
        assertThat(states()).containsOnlyKeys(eventIds(batch, 0, 1, 2, 3))
                .containsEntry(eventIds(batch, 3)[0], NotificationLog.SENDING)
                .containsEntry(eventIds(batch, 2)[0], NotificationLog.SENT)
                .containsEntry(eventIds(batch, 0)[0], NotificationLog.SENT);
    }

    @Test
    void aReplayAndARedeliveryInsideTheBatchSendNothingAgain() {
        List<ConsumerRecord<String, byte[]>> batch = registrations(3, -1);
        batches.handle(welcomes, batch);
        double alreadyApplied = counted("already-applied");

        List<ConsumerRecord<String, byte[]>> replay = new ArrayList<>(batch);
        replay.add(batch.getFirst());
        batches.handle(welcomes, replay);

        assertThat(smtp.accepted()).containsExactly(messageIds(batch, 0, 1, 2));
        assertThat(counted("already-applied")).isEqualTo(alreadyApplied + 4);
    }

    @Test
    void anUnreadableRecordFailsAtItsIndexOnceItsPredecessorsAreSent() {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(registrations(3, -1));
        batch.set(1, consumed(event(UserRegistered.class, "broken", 1, position++, Instant.now(), "{\"userId\":")));

        BatchListenerFailedException failure = failureOf(welcomes, batch);

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure).hasCauseInstanceOf(UnreadableEventException.class);
        assertThat(smtp.accepted()).containsExactly(messageIds(batch, 0));
        assertThat(logged()).containsExactly(eventIds(batch, 0));
    }

    @Test
    void anOrderPlacedAndConfirmedInOneBatchIsConfirmed() {
        List<ConsumerRecord<String, byte[]>> users = registrations(1, -1);
        batches.handle(welcomes, users);
        String orderId = UUID.randomUUID().toString();
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                consumed(event(OrderPlaced.class, orderId, 1, position++, Instant.now(), "{\"orderId\":\"" + orderId
                        + "\",\"userId\":\"" + users.getFirst().key() + "\",\"lines\":[{\"productId\":\"p-1\","
                        + "\"quantity\":1,\"unitPrice\":{\"amount\":\"9.90\",\"currency\":\"EUR\"}}],"
                        + "\"total\":{\"amount\":\"9.90\",\"currency\":\"EUR\"}}")),
                consumed(event(OrderConfirmed.class, orderId, 2, position++, Instant.now(),
                        "{\"orderId\":\"" + orderId + "\"}")));

        batches.handle(orders, batch);

        assertThat(smtp.accepted()).containsExactly(messageIds(users, 0)[0], messageIds(batch, 1)[0]);
    }

    /** The batch's three events of one user become one write of the recipient, with the latest of each field. */
    @Test
    void aUsersEventsInOneBatchLeaveTheRecipientAtTheLatestNameAndAddress() {
        String userId = UUID.randomUUID().toString();
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                consumed(event(UserRegistered.class, userId, 1, position++, Instant.now(), "{\"userId\":\"" + userId
                        + "\",\"name\":\"First Name\",\"email\":\"first@example.com\"}")),
                consumed(event(UserEmailChanged.class, userId, 2, position++, Instant.now(), "{\"userId\":\"" + userId
                        + "\",\"email\":\"second@example.com\"}")),
                consumed(event(UserProfileChanged.class, userId, 3, position++, Instant.now(), "{\"userId\":\"" + userId
                        + "\",\"name\":\"Third Name\",\"age\":null,\"bio\":null}")));

        batches.handle(welcomes, batch);

        assertThat(database.getCollection(RecipientDirectory.COLLECTION).find(Filters.eq("_id", userId)).first())
                .containsEntry("name", "Third Name").containsEntry("email", "second@example.com")
                .containsEntry("version", 3L);
        assertThat(smtp.accepted()).containsExactly(messageIds(batch, 0));
        assertThat(counted("applied")).isEqualTo(3);
    }

    /** {@code count} registrations; the one at {@code refusedAt} to an address the SMTP server refuses. */
    private List<ConsumerRecord<String, byte[]>> registrations(int count, int refusedAt) {
        return IntStream.range(0, count).mapToObj(i -> {
            String userId = UUID.randomUUID().toString();
            String email = (i == refusedAt ? "refused" : "user") + i + "@example.com";
            return consumed(event(UserRegistered.class, userId, 1, position++, Instant.now(),
                    "{\"userId\":\"" + userId + "\",\"name\":\"User " + i + "\",\"email\":\"" + email + "\"}"));
        }).toList();
    }

    private ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, offset++, 0L, TimestampType.CREATE_TIME, 0, 0, record.key(),
                record.value(), record.headers(), Optional.empty());
    }

    private BatchListenerFailedException failureOf(NotificationProjection<?> projection,
                                                   List<ConsumerRecord<String, byte[]>> batch) {
        return catchThrowableOfType(BatchListenerFailedException.class, () -> batches.handle(projection, batch));
    }

    private static String[] eventIds(List<ConsumerRecord<String, byte[]>> batch, int... indices) {
        return IntStream.of(indices).mapToObj(i -> new String(batch.get(i).headers().lastHeader(CloudEventHeaders.ID)
                .value(), StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    private static String[] messageIds(List<ConsumerRecord<String, byte[]>> batch, int... indices) {
        return IntStream.of(indices).mapToObj(i -> "<" + eventIds(batch, i)[0] + "@tributary.example>")
                .toArray(String[]::new);
    }

    /** The events whose mail the log records as sent. */
    private List<String> logged() {
        return database.getCollection(NotificationLog.COLLECTION).find(Filters.eq("state", NotificationLog.SENT))
                .map(entry -> entry.getString("_id")).into(new ArrayList<>());
    }

    /** The log's state of each event it has an entry for. */
    private Map<String, String> states() {
        Map<String, String> states = new HashMap<>();
        database.getCollection(NotificationLog.COLLECTION).find()
                .forEach(entry -> states.put(entry.getString("_id"), entry.getString("state")));
        return states;
    }

    private Optional<String> recipientEmail(String userId) {
        return Optional.ofNullable(database.getCollection(RecipientDirectory.COLLECTION)
                .find(Filters.eq("_id", userId)).first()).map(recipient -> recipient.getString("email"));
    }

    private double counted(String outcome) {
        Counter counter = meters.find("tributary.projection.events").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
