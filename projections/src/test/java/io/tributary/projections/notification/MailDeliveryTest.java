package io.tributary.projections.notification;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a notification carries, and which SMTP failures are waited out and which are the message's own. */
class MailDeliveryTest {

    private static final MailContent CONTENT = new MailContent("Hello", "Body");

    private final ScriptedSmtpServer server = new ScriptedSmtpServer();
    private final MailDelivery delivery = delivery(server.port());

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void theMessageIdIsDerivedFromTheEventAndSurvivesSending() throws Exception {
        MimeMessage message = delivery.compose("event-1", to("ada@example.com"), CONTENT);

        assertThat(message.getMessageID()).isEqualTo("<event-1@tributary.example>");
        assertThat(message.getSubject()).isEqualTo("Hello");
        assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal()).isEqualTo("Ada Lovelace");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        try (SmtpConnection connection = delivery.connection()) {
            connection.send(message);
        }
        assertThat(server.accepted()).containsExactly("<event-1@tributary.example>");
    }

    @Test
    void theMessagesOfABatchShareOneConnection() {
        try (SmtpConnection connection = delivery.connection()) {
            for (int i = 1; i <= 3; i++) {
                connection.send(delivery.compose("event-" + i, to("ada@example.com"), CONTENT));
            }
        }

        assertThat(server.accepted()).hasSize(3);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void anUnreachableServerIsWaitedOut() throws IOException {
        MailDelivery nowhere = delivery(closedPort());

        try (SmtpConnection connection = nowhere.connection()) {
            assertThatThrownBy(() -> connection.send(nowhere.compose("event-1", to("ada@example.com"), CONTENT)))
                    .isInstanceOf(MailServerUnavailableException.class);
        }
    }

    @Test
    void refusedCredentialsAreWaitedOut() {
        JavaMailSenderImpl settings = settings(server.port());
        settings.setUsername("tributary");
        settings.setPassword("wrong");
        settings.getJavaMailProperties().put("mail.smtp.auth", "true");
        MailDelivery refused = new MailDelivery(settings, properties());

        try (SmtpConnection connection = refused.connection()) {
            assertThatThrownBy(() -> connection.send(refused.compose("event-1", to("ada@example.com"), CONTENT)))
                    .isInstanceOf(MailServerUnavailableException.class)
                    .hasMessageContaining("credentials");
        }
    }

    @Test
    void aTransientReplyIsWaitedOut() {
        try (SmtpConnection connection = delivery.connection()) {
            assertThatThrownBy(() -> connection.send(delivery.compose("event-1", to("busy@example.com"), CONTENT)))
                    .isInstanceOf(MailServerUnavailableException.class);
        }
    }

    @Test
    void aRecipientRefusedForGoodIsTheMessagesOwnFailureAndTheNextMessageGoesOut() {
        try (SmtpConnection connection = delivery.connection()) {
            connection.send(delivery.compose("event-1", to("ada@example.com"), CONTENT));

            assertThatThrownBy(() -> connection.send(delivery.compose("event-2", to("refused@example.com"), CONTENT)))
                    .isInstanceOf(MailSendException.class)
                    .isNotInstanceOf(MailServerUnavailableException.class);

            connection.send(delivery.compose("event-3", to("grace@example.com"), CONTENT));
        }
        assertThat(server.accepted()).containsExactly("<event-1@tributary.example>", "<event-3@tributary.example>");
    }

    @Test
    void aConnectionDroppedMidBatchIsWaitedOutAndTheNextMessageConnectsAgain() {
        server.dropConnectionAfter(1);
        try (SmtpConnection connection = delivery.connection()) {
            connection.send(delivery.compose("event-1", to("ada@example.com"), CONTENT));

            assertThatThrownBy(() -> connection.send(delivery.compose("event-2", to("grace@example.com"), CONTENT)))
                    .isInstanceOf(MailServerUnavailableException.class);

            connection.send(delivery.compose("event-2", to("grace@example.com"), CONTENT));
        }
        assertThat(server.accepted()).containsExactly("<event-1@tributary.example>", "<event-2@tributary.example>");
        assertThat(server.connections()).isEqualTo(2);
    }

    static MailDelivery delivery(int port) {
        return new MailDelivery(settings(port), properties());
    }

    static JavaMailSenderImpl settings(int port) {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost("127.0.0.1");
        settings.setPort(port);
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "2000");
        timeouts.put("mail.smtp.timeout", "2000");
        settings.setJavaMailProperties(timeouts);
        return settings;
    }

    private static NotificationProperties properties() {
        return new NotificationProperties("Tributary <no-reply@tributary.example>", 100, 25);
    }

    private static Recipient to(String email) {
        return new Recipient("Ada Lovelace", email);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
