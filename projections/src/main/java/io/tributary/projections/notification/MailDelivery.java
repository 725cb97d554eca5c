package io.tributary.projections.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * Hands one plain-text notification to the SMTP server. The {@code Message-ID} is derived from the event id, so a
 * notification sent twice (see {@link Notifier}) carries the same id both times and a receiving server or mail client
 * that de-duplicates by {@code Message-ID} shows it once.
 */
class MailDelivery {

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String messageIdDomain;

    MailDelivery(JavaMailSender sender, NotificationProperties properties) {
        this.sender = sender;
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

    /**
     * @throws MailServerUnavailableException while the server cannot be reached, does not accept us, or answers that
     *                                        it cannot take the message now (SMTP 4xx)
     * @throws MailException                  when the server refuses this message or its recipient for good (5xx)
     */
    void send(String eventId, Recipient to, MailContent content) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            mail.setFrom(from);
            mail.setTo(new InternetAddress(to.email(), to.name(), StandardCharsets.UTF_8.name()));
            mail.setSubject(content.subject());
            mail.setText(content.body());
            // Kept by JavaMailSenderImpl, which otherwise generates a random one when saving the message.
            message.setHeader("Message-ID", messageId(eventId));
            // RFC 3834: no vacation replies to a machine.
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("cannot compose the notification for event " + eventId, e);
        }
        try {
            sender.send(message);
        } catch (MailAuthenticationException e) {
            throw new MailServerUnavailableException("the mail server does not accept our credentials", e);
        } catch (MailSendException e) {
            if (refusedForGood(e)) {
                throw e;
            }
            throw new MailServerUnavailableException("mail server unavailable: " + e.getMessage(), e);
        }
    }

    /** An SMTP 5xx reply anywhere in the failure: trying again will not help. 4xx replies are transient by the RFC. */
    private static boolean refusedForGood(MailSendException failure) {
        if (permanentReply(failure.getCause())) {
            return true;
        }
        for (Exception perMessage : failure.getMessageExceptions()) {
            if (permanentReply(perMessage)) {
                return true;
            }
        }
        return false;
    }

    /** Follows the chain, which for JavaMail includes each failed recipient's exception. */
    private static boolean permanentReply(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            int reply = switch (cause) {
                case SMTPSendFailedException send -> send.getReturnCode();
                case SMTPAddressFailedException address -> address.getReturnCode();
                default -> 0;
            };
            if (reply >= 500) {
                return true;
            }
        }
        return false;
    }
}
