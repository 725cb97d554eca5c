package io.tributary.projections.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the e-mail notifications; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender of every notification, an RFC 5322 address with an optional display name; its domain also
 *             names the {@code Message-ID}s
 * @param batchSize        records a notification listener takes per poll: they share one SMTP connection and the
 *                         bulk writes of the recipients and orders
 * @param mailsPerLogWrite mails whose intents the log records in one write before they are sent; also how many mails
 *                         a listener consumer's crash can send twice (see {@link Notifier})
 */
@ConfigurationProperties("tributary.notifications")
public record NotificationProperties(String from, int batchSize, int mailsPerLogWrite) {
}
