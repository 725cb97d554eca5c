package io.tributary.projections.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the e-mail notifications; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender of every notification, an RFC 5322 address with an optional display name; its domain also
 *             names the {@code Message-ID}s
 * @param batchSize  records a notification listener takes per poll: they share one SMTP connection and one bulk
 *                   write of the log, and bound how many mails a crash can send twice
 */
@ConfigurationProperties("tributary.notifications")
public record NotificationProperties(String from, int batchSize) {
}
