package io.tributary.projections.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * Composes the plain-text notifications and opens the connections they go out on. The {@code Message-ID} is derived
 * from the event id, so a notification sent twice (see {@link Notifier}) carries the same id both times and a
 * receiving server or mail client that de-duplicates by {@code Message-ID} shows it once.
 */
class MailDelivery {

    private final JavaMailSenderImpl server;
    private final InternetAddress from;
    private final String messageIdDomain;

    /** @param server Spring Boot's sender, for the {@code spring.mail.*} settings and session */
    MailDelivery(JavaMailSenderImpl server, NotificationProperties properties) {
        this.server = server;
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("tributary.notifications.from is not an e-mail address: "
                    + properties.from(), e);
        }
        this.messageIdDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
    }

    /** {@code <ce_id@sender domain>}: the same on every delivery and replay of the event. */
    String messageId(String eventId) {
        return "<" + eventId + "@" + messageIdDomain + ">";
    }

    MimeMessage compose(String eventId, Recipient to, MailContent content) {
        MimeMessage message = server.createMimeMessage();
        try {
            MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            mail.setFrom(from);
            mail.setTo(new InternetAddress(to.email(), to.name(), StandardCharsets.UTF_8.name()));
            mail.setSubject(content.subject());
            mail.setText(content.body());
            // Kept by SmtpConnection, which otherwise gets a random one when the message is saved.
            message.setHeader("Message-ID", messageId(eventId));
            // RFC 3834: no vacation replies to a machine.
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("cannot compose the notification for event " + eventId, e);
        }
        return message;
    }

    /** A connection to the SMTP server, opened by its first message. */
    SmtpConnection connection() {
        return new SmtpConnection(server);
    }
}
