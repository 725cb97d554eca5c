package io.tributary.projections.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text e-mail template on the classpath: a first line {@code Subject: …}, a blank line, then the body.
 * Subject and body may contain {@code {placeholder}}s; rendering without a value for one of them is a programming
 * error, so it fails instead of sending a mail with a hole in it.
 */
final class MailTemplate {

    private static final String SUBJECT_PREFIX = "Subject: ";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final String resource;
    private final String subject;
    private final String body;

    private MailTemplate(String resource, String subject, String body) {
        this.resource = resource;
        this.subject = subject;
        this.body = body;
    }

    static MailTemplate load(String resource) {
        String text;
        try (InputStream in = MailTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mail template not found: " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + resource, e);
        }
        return parse(resource, text);
    }

    static MailTemplate parse(String resource, String text) {
        String[] subjectAndBody = text.split("\\R", 3);
        if (subjectAndBody.length < 3 || !subjectAndBody[0].startsWith(SUBJECT_PREFIX) || !subjectAndBody[1].isEmpty()) {
            throw new IllegalStateException(resource + " must start with a 'Subject: ' line and a blank line");
        }
        return new MailTemplate(resource, subjectAndBody[0].substring(SUBJECT_PREFIX.length()), subjectAndBody[2]);
    }

    MailContent render(Map<String, String> values) {
        return new MailContent(fill(subject, values), fill(body, values));
    }

    private String fill(String text, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + placeholders.group(1) + "} in " + resource);
            }
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return placeholders.appendTail(filled).toString();
    }
}
