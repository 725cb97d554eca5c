package io.tributary.projections.notification;

import io.tributary.projections.WaitItOutException;

/**
 * An order's user has not arrived yet: users and orders are separate topics, so an order event can overtake the
 * registration of its user. The registration always precedes the order in the event store and is always published,
 * so this is waited out like an outage (retried with the capped back-off, never dead-lettered): a notification is
 * better late than lost.
 */
class RecipientNotKnownYetException extends WaitItOutException {

    RecipientNotKnownYetException(String message) {
        super(message, null);
    }

    @Override
    public String reason() {
        return "recipient-not-known-yet";
    }
}
