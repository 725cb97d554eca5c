package io.tributary.devstack;

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
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Entry point of the SMTP server process: {@code <port>}. Listens on 127.0.0.1 and prints every message it receives
 * (headers that matter and the body) to standard output, the server's log.
 */
public final class SmtpServerMain {

    private static final long POLL_MILLIS = 500;

    private SmtpServerMain() {
    }

    public static void main(String[] args) throws InterruptedException, MessagingException, IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SmtpServerMain <port>");
        }
        int port = Integer.parseInt(args[0]);
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "smtp-server-shutdown"));
        System.out.println("SMTP server listening on 127.0.0.1:" + port + "; every message received is printed here");
        // By identity, not by position: the server lists its messages mailbox by mailbox, so a message to an earlier
        // recipient moves those after it, and counting printed positions printed some twice and others never.
        Set<MimeMessage> printed = Collections.newSetFromMap(new IdentityHashMap<>());
        while (true) {
            for (MimeMessage message : server.getReceivedMessages()) {
                if (printed.add(message)) {
                    System.out.println(describe(message));
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static String describe(MimeMessage message) throws MessagingException, IOException {
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
