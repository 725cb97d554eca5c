package io.tributary.projections.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Date;

/**
 * One SMTP connection, kept open across the messages of a batch: connecting (greeting, EHLO, perhaps TLS and
 * authentication) costs more round trips than a message. Opened by the first message; closed after any failure, so
 * the next message opens a new one.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSenderImpl server;
    private Transport transport;

    SmtpConnection(JavaMailSenderImpl server) {
        this.server = server;
    }

    /**
     * Returns once the server has accepted the message.
     *
     * @throws MailServerUnavailableException while the server cannot be reached, does not accept us, or answers that
     *                                        it cannot take the message now (SMTP 4xx)
     * @throws MailSendException              when the server refuses this message or its recipient for good (5xx)
     */
    void send(MimeMessage message) {
        try {
            if (transport == null) {
                transport = connect();
            }
            // As JavaMailSenderImpl does: saving the message would replace our Message-ID with a random one.
            String messageId = message.getMessageID();
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            close();
            throw new MailServerUnavailableException("the mail server does not accept our credentials", e);
        } catch (MessagingException e) {
            close();
            if (refusedForGood(e)) {
                throw new MailSendException("the mail server refused the message: " + e.getMessage(), e);
            }
            throw new MailServerUnavailableException("mail server unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // QUIT on a broken connection: nothing left to release.
        } finally {
            transport = null;
        }
    }

    private Transport connect() throws MessagingException {
        String username = server.getUsername();
        String password = server.getPassword();
        if ("".equals(username)) {
            username = null;
            password = null;
        }
        String protocol = server.getProtocol() != null ? server.getProtocol()
                : server.getSession().getProperty("mail.transport.protocol");
        Transport connecting = server.getSession().getTransport(protocol != null ? protocol : "smtp");
        connecting.connect(server.getHost(), server.getPort(), username, password);
        return connecting;
    }

    /**
     * An SMTP 5xx reply anywhere in the failure (JavaMail chains each refused recipient's exception): trying again
     * will not help. 4xx replies are transient by the RFC.
     */
    static boolean refusedForGood(Throwable failure) {
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
