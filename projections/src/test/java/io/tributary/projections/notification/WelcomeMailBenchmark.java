package io.tributary.projections.notification;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestStack;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionsIntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.tributary.projections.CloudEventRecords.event;
import static org.awaitility.Awaitility.await;

/**
 * How fast a backlog of welcome mails goes out, against what plain JavaMail achieves over one connection to the same
 * server in the same run. Not a test: it asserts nothing about speed and prints its figures (also to
 * {@code target/benchmarks/notifications.txt}). The SMTP server is the local stack's (GreenMail in a process of its
 * own, printing every message); the other projections are stopped, as when the views have caught up and only the
 * mail is behind. Run with {@code -Dit.test=WelcomeMailBenchmark}; {@code -Dbenchmark.mails} (default 2,000) and
 * {@code -Dbenchmark.known-recipients} (users already in the directory, default 20,000) size it.
 */
class WelcomeMailBenchmark extends ProjectionsIntegrationTest {

    private static final int MAILS = Integer.getInteger("benchmark.mails", 2_000);
    private static final int KNOWN_RECIPIENTS = Integer.getInteger("benchmark.known-recipients", 20_000);
    private static final String SMTP_SERVER = TestStack.shared(Server.SMTP).endpoints().smtpServer();
    private static final String FROM = "no-reply@tributary.example";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void localSmtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> SMTP_SERVER.substring(0, SMTP_SERVER.lastIndexOf(':')));
        registry.add("spring.mail.port", () -> SMTP_SERVER.substring(SMTP_SERVER.lastIndexOf(':') + 1));
    }

    @Test
    void welcomeMailsFromABacklog() throws Exception {
        listeners.getListenerContainers().forEach(container -> container.stop());
        seedRecipients();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ProducerRecord<String, byte[]>> registrations = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            String userId = run + "-" + i;
            registrations.add(event(UserRegistered.class, userId, 1, nextPosition(), Instant.now(),
                    "{\"userId\":\"" + userId + "\",\"name\":\"User " + i + "\",\"email\":\"user" + i + "." + run
                            + "@example.com\"}"));
        }
        produce(registrations);

        double baseline = plainJavaMailOverOneConnection(run);

        long loggedBefore = logged();
        Instant started = Instant.now();
        listeners.getListenerContainer(NotificationListeners.GROUP + "-users").start();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> logged() >= loggedBefore + MAILS);
        double wallClock = MAILS / seconds(Duration.between(started, Instant.now()));
        double sending = sendingRate(run);

        String report = """
                Welcome mails from a backlog of %,d registrations (%,d users already known), SMTP server %s
                  plain JavaMail, one connection (baseline): %8.1f mails/s
                  notifications, first to last mail:        %8.1f mails/s  (%.2f x baseline)
                  notifications, incl. partition assignment: %7.1f mails/s  (%.2f x baseline)
                """.formatted(MAILS, KNOWN_RECIPIENTS, SMTP_SERVER, baseline, sending, sending / baseline,
                wallClock, wallClock / baseline);
        System.out.println(report);
        Path file = Path.of("target", "benchmarks", "notifications.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    /** The directory of a service that has seen a load test: lookups and guarded writes meet a full collection. */
    private void seedRecipients() {
        var recipients = mongo.getCollection(RecipientDirectory.COLLECTION);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < KNOWN_RECIPIENTS; i++) {
            batch.add(new Document("_id", "known-" + UUID.randomUUID()).append("name", "Known " + i)
                    .append("email", "known" + i + "@example.com").append("version", 1L));
            if (batch.size() == 1_000) {
                recipients.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            recipients.insertMany(batch);
        }
    }

    private static void produce(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"))) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** The same welcome messages, composed and sent with nothing but JavaMail, over one SMTP connection. */
    private static double plainJavaMailOverOneConnection(String run) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", SMTP_SERVER.substring(0, SMTP_SERVER.lastIndexOf(':')));
        properties.put("mail.smtp.port", SMTP_SERVER.substring(SMTP_SERVER.lastIndexOf(':') + 1));
        Session session = Session.getInstance(properties);
        MailTemplate template = MailTemplate.load(NotificationKind.WELCOME.templateResource());
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < MAILS; i++) {
                String email = "baseline" + i + "." + run + "@example.com";
                MailContent content = template.render(Map.of("name", "User " + i, "email", email));
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(FROM, "Tributary", StandardCharsets.UTF_8.name()));
                message.setRecipient(Message.RecipientType.TO,
                        new InternetAddress(email, "User " + i, StandardCharsets.UTF_8.name()));
                message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
                message.setText(content.body(), StandardCharsets.UTF_8.name());
                message.setHeader("Auto-Submitted", "auto-generated");
                message.saveChanges();
                message.setHeader("Message-ID", "<baseline-" + run + "-" + i + "@tributary.example>");
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return MAILS / ((System.nanoTime() - start) / 1e9);
    }

    private long logged() {
        return mongo.getCollection(NotificationLog.COLLECTION).countDocuments();
    }

    /** From the first mail's log entry to the last one's: the steady rate, without the group's start. */
    private double sendingRate(String run) {
        var log = mongo.getCollection(NotificationLog.COLLECTION);
        var ofRun = Filters.regex("to", "\\." + run + "@");
        Date first = log.find(ofRun).sort(Sorts.ascending("sentAt")).first().getDate("sentAt");
        Date last = log.find(ofRun).sort(Sorts.descending("sentAt")).first().getDate("sentAt");
        return (MAILS - 1) / seconds(Duration.between(first.toInstant(), last.toInstant()));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
