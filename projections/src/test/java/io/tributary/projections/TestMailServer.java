package io.tributary.projections;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tributary.devstack.FreePorts;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a port of its own that stays the same across a stop and start,
 * so tests can take it away and bring it back under the running service.
 */
public final class TestMailServer {

    private static final String HOST = "127.0.0.1";
    private static final GreenMail SERVER = new GreenMail(new ServerSetup(FreePorts.next(), HOST, ServerSetup.PROTOCOL_SMTP));

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "test-mail-server-stop"));
    }

    private static MessageDeliveryHandler usualDelivery;

    private TestMailServer() {
    }

    static Map<String, String> springProperties() {
        return Map.of("spring.mail.host", HOST, "spring.mail.port", Integer.toString(SERVER.getSmtp().getPort()));
    }

    public static void stop() {
        SERVER.stop();
    }

    public static void start() {
        SERVER.start();
    }

    /**
     * Hands every message to {@code hook} as it is delivered, before the server answers its sender that it accepted
     * it, until {@link #acceptAsUsual()}: what the hook does happens between the sending and the acceptance.
     */
    public static synchronized void beforeAccepting(Consumer<MimeMessage> hook) {
        UserManager users = SERVER.getUserManager();
        MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, to) -> {
            hook.accept(message.getMessage());
            return deliver.handle(message, to);
        });
        usualDelivery = usualDelivery == null ? deliver : usualDelivery;
    }

    public static synchronized void acceptAsUsual() {
        if (usualDelivery != null) {
            SERVER.getUserManager().setMessageDeliveryHandler(usualDelivery);
            usualDelivery = null;
        }
    }

    /** Everything delivered so far, to any address. */
    public static List<MimeMessage> received() {
        return List.of(SERVER.getReceivedMessages());
    }

    public static List<MimeMessage> receivedBy(String email) {
        return received().stream().filter(message -> isAddressedTo(message, email)).toList();
    }

    private static boolean isAddressedTo(MimeMessage message, String email) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(to -> to instanceof InternetAddress address && address.getAddress().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
