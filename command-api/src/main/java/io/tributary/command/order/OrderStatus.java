package io.tributary.command.order;

public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED
}
