package io.tributary.query.order;

/** The statuses an order view can have (the {@code status} filter accepts exactly these). */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED
}
