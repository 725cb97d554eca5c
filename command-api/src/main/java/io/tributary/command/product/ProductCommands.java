package io.tributary.command.product;

import io.tributary.events.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record AddProduct(@TargetAggregateIdentifier String productId, String sku, String name, String description,
                  String category, Money price, int initialStock) {
}

/** A partial update: null fields keep their value. */
record ChangeProductDetails(@TargetAggregateIdentifier String productId, String name, String description,
                            String category, Long expectedVersion) {
}

record ChangeProductPrice(@TargetAggregateIdentifier String productId, Money price, Long expectedVersion) {
}

record RestockProduct(@TargetAggregateIdentifier String productId, int quantity, Long expectedVersion) {
}

record DiscontinueProduct(@TargetAggregateIdentifier String productId, Long expectedVersion) {
}
