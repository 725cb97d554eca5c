package io.tributary.command.order;

import io.tributary.command.handling.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The requester orders for a user they may act for: their own account, or any for an admin. */
record PlaceOrder(@TargetAggregateIdentifier String orderId, String userId, List<RequestedLine> lines,
                  Requester requester) {

    record RequestedLine(String productId, int quantity) {
    }
}

/** The requester cancels an order of a user they may act for. */
record CancelOrder(@TargetAggregateIdentifier String orderId, Long expectedVersion, Requester requester) {
}

record ShipOrder(@TargetAggregateIdentifier String orderId, Long expectedVersion) {
}

/** Sent by the saga once every line's stock is reserved. */
record ConfirmOrder(@TargetAggregateIdentifier String orderId) {
}

/** Sent by the saga when some stock could not be reserved. */
record RejectOrder(@TargetAggregateIdentifier String orderId, String reason) {
}
