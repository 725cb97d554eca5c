package io.tributary.projections.notification;

import io.tributary.projections.WaitItOutException;

/**
 * The SMTP server cannot be reached or refuses us as a client. Like a store outage it says nothing about the event:
 * the notification is retried until the server is back, never dead-lettered.
 */
class MailServerUnavailableException extends WaitItOutException {

    MailServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return "mail-server-unavailable";
    }
}
