package io.tributary.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-mails the SMTP server received (its log prints each as {@code ----- received <Message-ID>}, then
 * {@code To:} and {@code Subject:}) against the events that send them: a welcome per registration, a
 * confirmation per confirmed order, a notice per rejected one. A notification that arrived twice is a mail sent
 * twice, whether or not both copies carry the same {@code Message-ID}.
 */
final class MailAudit {

    private static final String RECEIVED = "----- received ";
    private static final Pattern ORDER = Pattern.compile("Your order (\\S+) ");

    private MailAudit() {
    }

    /**
     * @param sentTwice     copies beyond the first of one notification
     * @param sameMessageId of those, copies with the {@code Message-ID} of an earlier one
     * @param missing       notifications the events call for that have not arrived
     */
    record Result(long received, long expected, long sentTwice, long sameMessageId, long missing, List<String> examples) {

        /** Copies beyond the first with a {@code Message-ID} of their own: a second mail, not a recognisable resend. */
        long newMessageIds() {
            return sentTwice - sameMessageId;
        }
    }

    static Result audit(Path mailLog, List<StoredEvent> events) {
        Set<String> expected = new HashSet<>();
        for (StoredEvent event : events) {
            switch (event.type()) {
                case "UserRegistered" -> expected.add("welcome " + event.payload().get("email").asText());
                case "OrderConfirmed" -> expected.add("confirmed " + event.aggregateId());
                case "OrderRejected" -> expected.add("rejected " + event.aggregateId());
                default -> {
                }
            }
        }
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Integer> byMessageId = new HashMap<>();
        long received = 0;
        String messageId = null;
        String to = null;
        for (String line : lines(mailLog)) {
            if (line.startsWith(RECEIVED)) {
                messageId = line.substring(RECEIVED.length()).strip();
                to = null;
            } else if (line.startsWith("To: ") && messageId != null) {
                to = address(line.substring(4).strip());
            } else if (line.startsWith("Subject: ") && messageId != null) {
                received++;
                byMessageId.merge(messageId, 1, Integer::sum);
                copies.merge(notification(line.substring(9), to), 1, Integer::sum);
                messageId = null;
            }
        }
        long sentTwice = copies.values().stream().mapToLong(count -> count - 1).sum();
        long sameMessageId = byMessageId.values().stream().mapToLong(count -> count - 1).sum();
        List<String> examples = new ArrayList<>();
        copies.forEach((notification, count) -> {
            if (count > 1 && examples.size() < 10) {
                examples.add(notification + " arrived " + count + " times");
            }
        });
        long missing = expected.stream().filter(notification -> !copies.containsKey(notification)).count();
        expected.stream().filter(notification -> !copies.containsKey(notification)).limit(5)
                .forEach(notification -> examples.add(notification + " never arrived"));
        return new Result(received, expected.size(), sentTwice, sameMessageId, missing, examples);
    }

    /** The notification a mail is, named as {@link #audit} names what the events expect. */
    private static String notification(String subject, String to) {
        Matcher order = ORDER.matcher(subject);
        if (order.find()) {
            return (subject.contains("is confirmed") ? "confirmed " : "rejected ") + order.group(1);
        }
        return "welcome " + to;
    }

    /** {@code Name <address>} or a bare address. */
    private static String address(String recipient) {
        int open = recipient.lastIndexOf('<');
        return open < 0 ? recipient : recipient.substring(open + 1, recipient.indexOf('>', open));
    }

    private static List<String> lines(Path mailLog) {
        try {
            return Files.exists(mailLog) ? Files.readAllLines(mailLog, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
