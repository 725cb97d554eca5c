package io.tributary.projections.notification;

/** A rendered plain-text e-mail. */
record MailContent(String subject, String body) {
}
