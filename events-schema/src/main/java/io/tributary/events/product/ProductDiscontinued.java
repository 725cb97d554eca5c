package io.tributary.events.product;

import org.axonframework.serialization.Revision;

/** No new reservations; existing ones can still be shipped or released. */
@Revision("1")
public record ProductDiscontinued(String productId) implements ProductEvent {
}
