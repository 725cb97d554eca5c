package io.tributary.events.product;

import io.tributary.events.money.Money;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductPriceChanged(String productId, Money price) implements ProductEvent {
}
