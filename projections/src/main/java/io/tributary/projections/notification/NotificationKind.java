package io.tributary.projections.notification;

/** The e-mails the notifications send, each with its template. */
enum NotificationKind {
    WELCOME("notifications/welcome.txt"),
    ORDER_CONFIRMED("notifications/order-confirmed.txt"),
    ORDER_REJECTED("notifications/order-rejected.txt");

    private final String templateResource;

    NotificationKind(String templateResource) {
        this.templateResource = templateResource;
    }

    String templateResource() {
        return templateResource;
    }

    /** As recorded in the notification log, e.g. {@code order-confirmed}. */
    String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
