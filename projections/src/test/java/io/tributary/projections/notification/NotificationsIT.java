package io.tributary.projections.notification;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Counter;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.TestMailServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.tributary.projections.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The notifications against a real SMTP server: what arrives, and that nothing arrives twice. */
class NotificationsIT extends ProjectionsIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String GROUP = "notifications";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aNewUserIsWelcomedAtTheAddressTheyRegisteredWith() throws Exception {
        String userId = UUID.randomUUID().toString();
        String email = "ada." + userId + "@example.com";
        ProducerRecord<String, byte[]> registered = registration(userId, "Ada Lovelace", email);

        send(registered);

        MimeMessage welcome = awaitSingleMailTo(email);
        assertThat(welcome.getSubject()).isEqualTo("Welcome to Tributary, Ada Lovelace");
        assertThat(((InternetAddress) welcome.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Ada Lovelace");
        assertThat(((InternetAddress) welcome.getFrom()[0]).getAddress()).isEqualTo("no-reply@tributary.example");
        assertThat(welcome.getMessageID()).isEqualTo("<" + eventId(registered) + "@tributary.example>");
        assertThat(welcome.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(body(welcome)).startsWith("Hello Ada Lovelace,").contains(email);
    }

    @Test
    void aConfirmedOrderIsConfirmedToItsCustomerAtTheirCurrentAddress() throws Exception {
        String userId = UUID.randomUUID().toString();
        String firstEmail = "grace." + userId + "@example.com";
        String currentEmail = "hopper." + userId + "@example.com";
        send(registration(userId, "Grace Hopper", firstEmail));
        send(event(UserEmailChanged.class, userId, 2, nextPosition(), Instant.now(),
                "{\"userId\":\"" + userId + "\",\"email\":\"" + currentEmail + "\"}"));
        // Users and orders are separate topics: only once the change has arrived is it the address to write to.
        await().atMost(TIMEOUT).until(() -> currentEmail.equals(recipientEmail(userId)));
        String orderId = UUID.randomUUID().toString();

        send(placement(orderId, userId));
        send(event(OrderConfirmed.class, orderId, 2, nextPosition(), Instant.now(),
                "{\"orderId\":\"" + orderId + "\"}"));

        MimeMessage confirmation = awaitSingleMailTo(currentEmail);
        assertThat(confirmation.getSubject()).isEqualTo("Your order " + orderId + " is confirmed");
        assertThat(body(confirmation)).startsWith("Hello Grace Hopper,").contains("Total: 149.90 EUR");
        assertThat(TestMailServer.receivedBy(firstEmail)).extracting(MimeMessage::getSubject)
                .containsExactly("Welcome to Tributary, Grace Hopper");
    }

    @Test
    void aRejectedOrderIsExplainedToItsCustomer() throws Exception {
        String userId = UUID.randomUUID().toString();
        String email = "alan." + userId + "@example.com";
        send(registration(userId, "Alan Turing", email));
        awaitSingleMailTo(email);
        String orderId = UUID.randomUUID().toString();

        send(placement(orderId, userId));
        send(event(OrderRejected.class, orderId, 2, nextPosition(), Instant.now(),
                "{\"orderId\":\"" + orderId + "\",\"reason\":\"only 1 of product p-1 available\"}"));

        await().atMost(TIMEOUT).until(() -> TestMailServer.receivedBy(email).size() == 2);
        MimeMessage notice = TestMailServer.receivedBy(email).get(1);
        assertThat(notice.getSubject()).isEqualTo("Your order " + orderId + " could not be accepted");
        assertThat(body(notice)).contains("over 149.90 EUR", "Reason: only 1 of product p-1 available");
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() throws Exception {
        String userId = UUID.randomUUID().toString();
        String email = "barbara." + userId + "@example.com";
        ProducerRecord<String, byte[]> registered = registration(userId, "Barbara Liskov", email);
        send(registered);
        awaitSingleMailTo(email);
        double duplicatesBefore = eventsCounted(GROUP, "already-applied");

        send(registered);

        await().atMost(TIMEOUT).until(() -> eventsCounted(GROUP, "already-applied") > duplicatesBefore);
        assertThat(TestMailServer.receivedBy(email)).hasSize(1);
    }

    @Test
    void aReplayOfBothTopicsSendsNothingAgain() throws Exception {
        String userId = UUID.randomUUID().toString();
        String email = "edsger." + userId + "@example.com";
        send(registration(userId, "Edsger Dijkstra", email));
        String orderId = UUID.randomUUID().toString();
        send(placement(orderId, userId));
        send(event(OrderConfirmed.class, orderId, 2, nextPosition(), Instant.now(),
                "{\"orderId\":\"" + orderId + "\"}"));
        await().atMost(TIMEOUT).until(() -> TestMailServer.receivedBy(email).size() == 2);
        awaitCaughtUp();
        int mailsBefore = TestMailServer.received().size();
        double duplicatesBefore = eventsCounted(GROUP, "already-applied");

        replayFromTheStart();

        awaitCaughtUp();
        assertThat(eventsCounted(GROUP, "already-applied")).as("the replayed notifications were recognised")
                .isGreaterThanOrEqualTo(duplicatesBefore + 2);
        assertThat(TestMailServer.received()).hasSize(mailsBefore);
    }

    @Test
    void anOrderOvertakingItsUsersRegistrationIsConfirmedOnceTheUserArrives() throws Exception {
        String userId = UUID.randomUUID().toString();
        String email = "donald." + userId + "@example.com";
        String orderId = UUID.randomUUID().toString();
        double waitsBefore = waitingAttempts();
        double deadLettersBefore = deadLettered();

        send(placement(orderId, userId));
        send(event(OrderConfirmed.class, orderId, 2, nextPosition(), Instant.now(),
                "{\"orderId\":\"" + orderId + "\"}"));
        // More failed attempts than the bounded retries (2 here) allow: the order must wait, not be dead-lettered.
        await().atMost(TIMEOUT).until(() -> waitingAttempts() >= waitsBefore + 4);
        send(registration(userId, "Donald Knuth", email));

        await().atMost(TIMEOUT).until(() -> TestMailServer.receivedBy(email).size() == 2);
        assertThat(TestMailServer.receivedBy(email)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Welcome to Tributary, Donald Knuth", "Your order " + orderId + " is confirmed");
        assertThat(deadLettered()).isEqualTo(deadLettersBefore);
    }

    @Test
    void aMailServerOutageIsWaitedOutAndTheMailSentOnce() throws Exception {
        String userId = UUID.randomUUID().toString();
        String email = "frances." + userId + "@example.com";
        double waitsBefore = waitingAttempts();
        double deadLettersBefore = deadLettered();

        TestMailServer.stop();
        try {
            send(registration(userId, "Frances Allen", email));
            await().atMost(TIMEOUT).until(() -> waitingAttempts() >= waitsBefore + 4);
        } finally {
            TestMailServer.start();
        }

        MimeMessage welcome = awaitSingleMailTo(email);
        assertThat(welcome.getSubject()).isEqualTo("Welcome to Tributary, Frances Allen");
        awaitCaughtUp();
        assertThat(TestMailServer.receivedBy(email)).hasSize(1);
        assertThat(deadLettered()).isEqualTo(deadLettersBefore);
    }

    static ProducerRecord<String, byte[]> registration(String userId, String name, String email) {
        return event(UserRegistered.class, userId, 1, nextPosition(), Instant.now(),
                "{\"userId\":\"" + userId + "\",\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
    }

    private static ProducerRecord<String, byte[]> placement(String orderId, String userId) {
        return event(OrderPlaced.class, orderId, 1, nextPosition(), Instant.now(),
                "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + userId + "\",\"lines\":[{\"productId\":\"p-1\","
                        + "\"quantity\":2,\"unitPrice\":{\"amount\":\"74.95\",\"currency\":\"EUR\"}}],"
                        + "\"total\":{\"amount\":\"149.90\",\"currency\":\"EUR\"}}");
    }

    private String recipientEmail(String userId) {
        Document recipient = mongo.getCollection(RecipientDirectory.COLLECTION).find(Filters.eq("_id", userId)).first();
        return recipient == null ? null : recipient.getString("email");
    }

    private static String eventId(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    private static MimeMessage awaitSingleMailTo(String email) {
        await().atMost(TIMEOUT).until(() -> !TestMailServer.receivedBy(email).isEmpty());
        List<MimeMessage> received = TestMailServer.receivedBy(email);
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    /** Failed attempts the notifications wait out (mail server or recipient not there yet). */
    private double waitingAttempts() {
        return meters.find("tributary.projection.failed.attempts").tag("projection", GROUP).counters().stream()
                .filter(counter -> List.of("mail-server-unavailable", "recipient-not-known-yet")
                        .contains(counter.getId().getTag("reason")))
                .mapToDouble(Counter::count)
                .sum();
    }

    private double deadLettered() {
        return meters.find("tributary.projection.dead.letters").tag("projection", GROUP).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** The consumer group has committed everything on both topics. */
    static void awaitCaughtUp() {
        awaitCaughtUp(USERS_TOPIC, ORDERS_TOPIC);
    }

    /** The consumer group has committed everything on these topics. */
    static void awaitCaughtUp(String... topics) {
        try (Admin admin = admin()) {
            await().atMost(TIMEOUT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = admin.listOffsets(partitions(topics).stream()
                                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                        .all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() == end.getValue());
            });
        }
    }

    /** What a rebuild or a reset of the group does: the group reads both topics again from their first records. */
    private void replayFromTheStart() {
        List<String> containers = List.of(GROUP + "-users", GROUP + "-orders");
        containers.forEach(id -> listeners.getListenerContainer(id).stop());
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = partitions(USERS_TOPIC, ORDERS_TOPIC).stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> new OffsetAndMetadata(0)));
            // The broker refuses while the stopped consumers are still leaving the group.
            await().atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> admin.alterConsumerGroupOffsets(GROUP, start).all().get() == null);
        } finally {
            containers.forEach(id -> listeners.getListenerContainer(id).start());
        }
    }

    private static List<TopicPartition> partitions(String... topics) {
        return java.util.Arrays.stream(topics)
                .flatMap(topic -> IntStream.range(0, 6).mapToObj(partition -> new TopicPartition(topic, partition)))
                .toList();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }
}
