package io.tributary.events.product;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductDetailsChanged(String productId, String name, String description, String category)
        implements ProductEvent {
}
