package io.tributary.devstack;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * Entry point of the SMTP server process: {@code <port>}. Listens on 127.0.0.1 and prints every message it receives
 * (headers that matter and the body) to standard output, the server's log, as it is delivered; it keeps nothing.
 * GreenMail's own delivery stores every message in memory for IMAP and POP3, which this server does not offer: a
 * backlog of tens of thousands of e-mails ran its heap out, and listing them all to find the new ones took most of
 * a core before that.
 */
public final class SmtpServerMain {

    /** Messages already printed, weakly: one delivery per recipient, one print per message. */
    private static final Set<MovingMessage> PRINTED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private SmtpServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SmtpServerMain <port>");
        }
        int port = Integer.parseInt(args[0]);
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.getUserManager().setMessageDeliveryHandler((message, recipient) -> new PrintingMailbox(recipient));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "smtp-server-shutdown"));
        System.out.println("SMTP server listening on 127.0.0.1:" + port + "; every message received is printed here");
        Thread.currentThread().join();
    }

    static void print(MovingMessage message) {
        if (!PRINTED.add(message)) {
            return;
        }
        try {
            System.out.println(describe(message.getMessage()));
        } catch (MessagingException | IOException e) {
            System.out.println("----- received a message that cannot be read: " + e);
        }
    }

    static String describe(MimeMessage message) throws MessagingException, IOException {
        return "----- received " + message.getMessageID()
                + "\nFrom: " + addresses(message.getFrom())
                + "\nTo: " + addresses(message.getAllRecipients())
                + "\nSubject: " + message.getSubject()
                + "\n\n" + body(message).strip() + "\n";
    }

    /** Plain text decoded from its transfer encoding; anything else raw. */
    private static String body(MimeMessage message) throws MessagingException, IOException {
        return message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses)
                .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString())
                .collect(Collectors.joining(", "));
    }
}
