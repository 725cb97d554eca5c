package io.tributary.devstack;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP server's log, which tests and the chaos run count mails in, shows every message received exactly once. */
class SmtpServerTest {

    /** Mail to a first recipient again after another's, and one message to two recipients, printed once. */
    @Test
    void everyMessageIsLoggedOnceWhateverItsRecipient() throws Exception {
        StackConfig config = StackConfig.forTests(EnumSet.of(Server.SMTP));
        try (LocalStack stack = LocalStack.start(config)) {
            Path mailLog = config.home().resolve("logs").resolve("mail.log");
            int sent = 0;
            for (String to : List.of("ada@example.com", "bob@example.com", "ada@example.com", "bob@example.com")) {
                send(stack.endpoints().smtpServer(), to, "message " + ++sent);
                int expected = sent;
                // Each lands in the log before the next is sent, as mail does in a running system.
                assertThat(Waits.until(() -> received(mailLog).size() >= expected, Duration.ofSeconds(10), null)).isTrue();
            }
            send(stack.endpoints().smtpServer(), "ada@example.com, bob@example.com", "message to both");
            assertThat(Waits.until(() -> received(mailLog).size() >= 5, Duration.ofSeconds(10), null)).isTrue();
            Thread.sleep(1_000); // long enough for a second print of the last message, were there one
            assertThat(received(mailLog)).hasSize(5).doesNotHaveDuplicates();
        }
    }

    private static List<String> received(Path mailLog) {
        try {
            return Files.exists(mailLog) ? Files.readAllLines(mailLog).stream().filter(line -> line.startsWith("Subject: ")).toList() : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void send(String endpoint, String to, String subject) throws IOException {
        String[] hostAndPort = endpoint.split(":");
        try (Socket socket = new Socket(hostAndPort[0], Integer.parseInt(hostAndPort[1]))) {
            BufferedReader server = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer client = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            server.readLine();
            List<String> commands = new java.util.ArrayList<>(List.of("HELO localhost", "MAIL FROM:<stack@example.com>"));
            for (String recipient : to.split(", ")) {
                commands.add("RCPT TO:<" + recipient + ">");
            }
            commands.addAll(List.of("DATA", "Subject: " + subject + "\r\n\r\nHello.\r\n.", "QUIT"));
            for (String command : commands) {
                client.write(command + "\r\n");
                client.flush();
                server.readLine();
            }
        }
    }
}
