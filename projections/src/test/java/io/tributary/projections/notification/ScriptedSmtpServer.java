package io.tributary.projections.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a socket that answers as told: it refuses recipients whose address contains
 * {@code refused} (550) or {@code busy} (451), refuses every login (535), and can drop the connection at the next
 * message it is offered. The
 * test mail server (GreenMail) accepts everything, so the failures a batch must survive are played here.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> acceptedMessageIds = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger dropAfter = new AtomicInteger(-1);

    ScriptedSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("scripted-smtp-accept").start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The {@code Message-ID}s of the messages accepted, in order. */
    List<String> accepted() {
        return List.copyOf(acceptedMessageIds);
    }

    int connections() {
        return connections.get();
    }

    /** Once {@code messages} more messages have been accepted, drops the connection that offers the next. */
    void dropConnectionAfter(int messages) {
        dropAfter.set(messages);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().name("scripted-smtp-session").start(() -> converse(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-scripted\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
                } else if (command.startsWith("MAIL FROM")) {
                    if (dropAfter.get() == 0) {
                        dropAfter.set(-1);
                        return; // the connection breaks as the next message is offered
                    }
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    reply(out, command.contains("REFUSED") ? "550 5.1.1 no such user"
                            : command.contains("BUSY") ? "451 4.3.0 try again later" : "250 OK");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    String messageId = null;
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        if (messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = data.substring(11).strip();
                        }
                    }
                    acceptedMessageIds.add(messageId);
                    dropAfter.getAndUpdate(left -> left > 0 ? left - 1 : left);
                    reply(out, "250 OK accepted");
                } else if (command.startsWith("AUTH")) {
                    reply(out, "535 5.7.8 authentication failed");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK"); // HELO, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
