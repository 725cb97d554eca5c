package io.tributary.projections.notification;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Counter;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The notification log's store fails while welcomes are going out and more are waiting: no mail is sent while the
 * log cannot be written, and once it is back every user has been welcomed exactly once. The store stops between a
 * mail's sending and the SMTP server's acceptance of it, the moment that used to send a whole batch again. Runs last
 * (with the other tests that stop a server), so the other tests never meet a stopped store.
 */
@Order(Integer.MAX_VALUE)
class NotificationLogOutageIT extends ProjectionsIntegrationTest {

    private static final String GROUP = "notifications";
    private static final int BEFORE_THE_OUTAGE = 30;
    private static final int DURING_THE_OUTAGE = 10;
    /** The mail of this run during whose acceptance the store stops. */
    private static final int ACCEPTED_AS_THE_STORE_STOPS = 5;

    @Test
    void welcomesWaitWhileTheLogCannotBeWrittenAndGoOutOnceEachWhenItIsBack() {
        assumeTrue(System.getenv("TRIBUTARY_MONGO_URI") == null, "needs a Mongo server the test stack can stop");
        String domain = "log-outage-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Map<String, String> usersByEmail = IntStream.range(0, BEFORE_THE_OUTAGE + DURING_THE_OUTAGE).boxed()
                .collect(Collectors.toMap(i -> "user" + i + "@" + domain, i -> UUID.randomUUID().toString()));
        List<String> emails = IntStream.range(0, BEFORE_THE_OUTAGE + DURING_THE_OUTAGE)
                .mapToObj(i -> "user" + i + "@" + domain).toList();
        double deadLettersBefore = deadLettered();
        double waitsBefore = storeUnavailableAttempts();
        AtomicInteger accepting = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();

        TestMailServer.beforeAccepting(message -> {
            if (addressedTo(message, domain) && accepting.incrementAndGet() == ACCEPTED_AS_THE_STORE_STOPS) {
                STACK.stopMongo();
                stopped.set(true);
            }
        });
        try {
            emails.subList(0, BEFORE_THE_OUTAGE).forEach(email -> send(welcome(usersByEmail, email)));
            await().atMost(TIMEOUT).until(stopped::get);
            await().atMost(TIMEOUT).until(() -> storeUnavailableAttempts() >= waitsBefore + 3);
            int receivedAsTheStoreStopped = mailsTo(domain);

            // Registered while the log cannot be written: their welcomes wait.
            emails.subList(BEFORE_THE_OUTAGE, emails.size()).forEach(email -> send(welcome(usersByEmail, email)));
            double waitsMeanwhile = storeUnavailableAttempts();
            await().atMost(TIMEOUT).until(() -> storeUnavailableAttempts() >= waitsMeanwhile + 5);
            assertThat(mailsTo(domain)).as("no mail is sent while the log cannot be written")
                    .isEqualTo(receivedAsTheStoreStopped);
        } finally {
            TestMailServer.acceptAsUsual();
            if (stopped.get()) {
                STACK.startMongo();
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> mailsTo(domain) >= emails.size());
        // Only the users' topic: orders of other test classes may still wait there for users that never register.
        NotificationsIT.awaitCaughtUp(USERS_TOPIC);
        assertThat(emails).allSatisfy(email -> assertThat(TestMailServer.receivedBy(email))
                .as("welcomes to %s", email).hasSize(1));
        List<Document> logged = mongo.getCollection(NotificationLog.COLLECTION)
                .find(Filters.in("to", emails)).into(new ArrayList<>());
        assertThat(logged).hasSize(emails.size())
                .allSatisfy(entry -> assertThat(entry.getString("state")).isEqualTo(NotificationLog.SENT));
        assertThat(deadLettered()).isEqualTo(deadLettersBefore);
    }

    private static ProducerRecord<String, byte[]> welcome(Map<String, String> usersByEmail, String email) {
        return NotificationsIT.registration(usersByEmail.get(email), "User " + email.substring(0, email.indexOf('@')),
                email);
    }

    private static int mailsTo(String domain) {
        return (int) TestMailServer.received().stream().filter(message -> addressedTo(message, domain)).count();
    }

    private static boolean addressedTo(MimeMessage message, String domain) {
        try {
            return message.getAllRecipients() != null && message.getAllRecipients().length > 0
                    && ((InternetAddress) message.getAllRecipients()[0]).getAddress().endsWith("@" + domain);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private double storeUnavailableAttempts() {
        Counter counter = meters.find("tributary.projection.failed.attempts")
                .tag("projection", GROUP).tag("reason", "store-unavailable").counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLettered() {
        return meters.find("tributary.projection.dead.letters").tag("projection", GROUP).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
