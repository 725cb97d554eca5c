package io.tributary.projections.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which SMTP failures are waited out and which are the message's own; what the message carries. */
class MailDeliveryTest {

    private static final Recipient ADA = new Recipient("Ada Lovelace", "ada@example.com");
    private static final MailContent CONTENT = new MailContent("Hello", "Body");

    private final RecordingSender sender = new RecordingSender();
    private final MailDelivery delivery = new MailDelivery(sender,
            new NotificationProperties("Tributary <no-reply@tributary.example>"));

    @Test
    void theMessageIdIsDerivedFromTheEvent() throws Exception {
        delivery.send("event-1", ADA, CONTENT);

        MimeMessage sent = sender.sent.getFirst();
        assertThat(sent.getMessageID()).isEqualTo("<event-1@tributary.example>");
        assertThat(sent.getSubject()).isEqualTo("Hello");
        assertThat(((InternetAddress) sent.getAllRecipients()[0]).getPersonal()).isEqualTo("Ada Lovelace");
    }

    @Test
    void anUnreachableServerIsWaitedOut() {
        sender.failWith(new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host")));

        assertThatThrownBy(() -> delivery.send("event-1", ADA, CONTENT))
                .isInstanceOf(MailServerUnavailableException.class);
    }

    @Test
    void refusedCredentialsAreWaitedOut() {
        sender.failWith(new MailAuthenticationException("535 authentication failed"));

        assertThatThrownBy(() -> delivery.send("event-1", ADA, CONTENT))
                .isInstanceOf(MailServerUnavailableException.class);
    }

    @Test
    void aTransientReplyIsWaitedOut() {
        sender.failWith(refused(new SMTPSendFailedException("MAIL", 421, "421 closing channel", null, null, null, null)));

        assertThatThrownBy(() -> delivery.send("event-1", ADA, CONTENT))
                .isInstanceOf(MailServerUnavailableException.class);
    }

    @Test
    void aRecipientRefusedForGoodIsTheMessagesOwnFailure() throws Exception {
        SendFailedException invalid = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(new InternetAddress("ada@example.com"), "RCPT", 550, "550 no such user"));
        sender.failWith(refused(invalid));

        assertThatThrownBy(() -> delivery.send("event-1", ADA, CONTENT))
                .isInstanceOf(MailException.class)
                .isNotInstanceOf(MailServerUnavailableException.class);
    }

    private static MailSendException refused(Exception perMessage) {
        return new MailSendException(Map.of(new Object(), perMessage));
    }

    /** A real JavaMailSenderImpl up to the point where it would talk to a server. */
    private static final class RecordingSender extends JavaMailSenderImpl {

        final List<MimeMessage> sent = new ArrayList<>();
        private MailException failure;

        void failWith(MailException failure) {
            this.failure = failure;
        }

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
            if (failure != null) {
                throw failure;
            }
            sent.addAll(List.of(messages));
        }
    }
}
