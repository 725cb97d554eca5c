package io.tributary.events.order;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderRejected(String orderId, String reason) implements OrderEvent {
}
