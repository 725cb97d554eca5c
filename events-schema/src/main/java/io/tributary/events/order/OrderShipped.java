package io.tributary.events.order;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderShipped(String orderId) implements OrderEvent {
}
