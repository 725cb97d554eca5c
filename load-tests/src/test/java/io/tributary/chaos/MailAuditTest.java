package io.tributary.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MailAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNotificationReceivedTwiceIsSentTwiceAndOneNeverReceivedIsMissing(@TempDir Path folder) throws IOException {
        Path log = folder.resolve("mail.log");
        Files.writeString(log, String.join("\n",
                "SMTP server listening on 127.0.0.1:3025; every message received is printed here",
                "----- received <e1@tributary.example>", "From: shop@tributary.example", "To: Ada <ada@example.com>",
                "Subject: Welcome to Tributary, Ada", "", "Hello Ada", "",
                "----- received <e1@tributary.example>", "From: shop@tributary.example", "To: Ada <ada@example.com>",
                "Subject: Welcome to Tributary, Ada", "", "Hello Ada", "",
                "----- received <e2@tributary.example>", "From: shop@tributary.example", "To: Ada <ada@example.com>",
                "Subject: Your order o1 is confirmed", "", "Total 3.00 EUR", "",
                "----- received <e3@tributary.example>", "From: shop@tributary.example", "To: Ada <ada@example.com>",
                "Subject: Your order o1 is confirmed", "", "Total 3.00 EUR", ""));
        List<StoredEvent> events = List.of(
                new StoredEvent(1, "u1", 0, "UserRegistered", JSON.readTree("{\"email\":\"ada@example.com\"}")),
                new StoredEvent(2, "o1", 1, "OrderConfirmed", JSON.readTree("{}")),
                new StoredEvent(3, "o2", 1, "OrderRejected", JSON.readTree("{}")));

        MailAudit.Result result = MailAudit.audit(log, events);

        assertThat(result.received()).isEqualTo(4);
        assertThat(result.sentTwice()).isEqualTo(2);
        assertThat(result.sameMessageId()).as("the welcome, resent").isEqualTo(1);
        assertThat(result.newMessageIds()).as("the confirmation, sent as a second mail").isEqualTo(1);
        assertThat(result.missing()).isEqualTo(1);
        assertThat(result.examples()).contains("welcome ada@example.com arrived 2 times", "confirmed o1 arrived 2 times",
                "rejected o2 never arrived");
    }
}
