package io.tributary.chaos;

/**
 * One command of the load and what became of it.
 *
 * @param subject     what the command's effect is counted by in the event store: the e-mail of a registration, the
 *                    SKU of a new product, the user of an order, the order of a cancellation, the product of a restock
 * @param aggregateId the id a creation answered, else null
 * @param attempts    how often it was sent, always with the same {@code Idempotency-Key}
 */
record Command(Kind kind, String subject, String idempotencyKey, Outcome outcome, int status, String aggregateId,
               int attempts) {

    enum Kind {
        REGISTER_USER("registrations"), ADD_PRODUCT("products added"), PLACE_ORDER("orders placed"),
        CANCEL_ORDER("cancellations"), RESTOCK("restocks");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    enum Outcome {
        /** Answered 2xx: its effect must be in the event store, exactly once. */
        ACKED,
        /** Answered 4xx: it must have no effect. */
        REFUSED,
        /** No answer (a connection reset, a service down until the client gave up): at most one effect. */
        UNKNOWN
    }
}
