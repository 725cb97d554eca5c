package io.tributary.events.order;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderCancelled(String orderId) implements OrderEvent {
}
