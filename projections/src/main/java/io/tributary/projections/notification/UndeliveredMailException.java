package io.tributary.projections.notification;

/**
 * The mail of one event of a batch did not go out: its intent could not be logged, or the SMTP server did not accept
 * it. Names the event, since a batch hands its mail over after applying its events, and carries the failure as its
 * cause, which is what the error handler judges (waited out, retried or dead-lettered).
 */
class UndeliveredMailException extends RuntimeException {

    private final String eventId;

    UndeliveredMailException(String eventId, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.eventId = eventId;
    }

    String eventId() {
        return eventId;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
