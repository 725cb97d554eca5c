package io.tributary.events.product;

import org.axonframework.serialization.Revision;

/** Units arrived; {@code available} is the stock free for new orders afterwards. */
@Revision("1")
public record ProductRestocked(String productId, int quantity, int available) implements ProductEvent {
}
