package io.tributary.command.user;

import io.tributary.command.handling.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Optional;

/** A requester with a token becomes the account's owner; an anonymous one leaves it to the admins. */
record RegisterUser(@TargetAggregateIdentifier String userId, String name, String email, Requester requester) {
}

/**
 * A partial update: a null field keeps its value; for the optional fields an empty Optional clears them.
 * The bio arrives unsanitised; the handler sanitises it.
 */
record ChangeUserProfile(@TargetAggregateIdentifier String userId, String name, Optional<Integer> age,
                         Optional<String> bio, Long expectedVersion, Requester requester) {
}

record ChangeUserEmail(@TargetAggregateIdentifier String userId, String email, Long expectedVersion,
                       Requester requester) {
}

record DeactivateUser(@TargetAggregateIdentifier String userId, Long expectedVersion, Requester requester) {
}
