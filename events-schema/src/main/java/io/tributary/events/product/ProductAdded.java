package io.tributary.events.product;

import io.tributary.events.money.Money;
import org.axonframework.serialization.Revision;

/**
 * A product joined the catalogue. Revision 2 carries the price with its currency; revision 1 events, from
 * when the shop sold in euros only, held a bare decimal {@code price} and are upcast by
 * {@link ProductAddedUpcaster}.
 */
@Revision("2")
public record ProductAdded(String productId, String sku, String name, String description, String category,
                           Money price, int initialStock) implements ProductEvent {
}
