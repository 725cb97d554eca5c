package io.tributary.command.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

record PlaceOrder(@TargetAggregateIdentifier String orderId, String userId, List<RequestedLine> lines) {

    record RequestedLine(String productId, int quantity) {
    }
}

record CancelOrder(@TargetAggregateIdentifier String orderId, Long expectedVersion) {
}

record ShipOrder(@TargetAggregateIdentifier String orderId, Long expectedVersion) {
}

/** Sent by the saga once every line's stock is reserved. */
record ConfirmOrder(@TargetAggregateIdentifier String orderId) {
}

/** Sent by the saga when some stock could not be reserved. */
record RejectOrder(@TargetAggregateIdentifier String orderId, String reason) {
}
