package io.tributary.projections.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the e-mail notifications; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender of every notification, an RFC 5322 address with an optional display name; its domain also
 *             names the {@code Message-ID}s
 */
@ConfigurationProperties("tributary.notifications")
public record NotificationProperties(String from) {
}
